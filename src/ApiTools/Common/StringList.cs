namespace ApiTools.Common;

/// <summary>A list of strings that prints as <c>a;b;c</c>, so Export-Csv writes a readable column
/// while <c>$p.Barcodes[0]</c> still works; the importers read <c>a;b;c</c> back.</summary>
public sealed class StringList : List<string>
{
    public const char Separator = ';';

    public StringList() { }

    public StringList(IEnumerable<string> items) : base(items) { }

    public override string ToString() => string.Join(Separator.ToString(), this);
}
