namespace ApiTools.Evotor.Bulk;

/// <summary>Prints as <c>field: reason;field: reason</c>.</summary>
public sealed class ViolationList : List<ApiViolation>
{
    public ViolationList() { }
    public ViolationList(IEnumerable<ApiViolation> items) : base(items) { }

    public override string ToString() => string.Join(";", this.Select(v => v.ToString()));
}
