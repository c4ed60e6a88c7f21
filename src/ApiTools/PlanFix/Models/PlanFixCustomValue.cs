namespace ApiTools.PlanFix.Models;

/// <summary>One custom field of a task, contact, project or handbook record: <see cref="Value"/> is what PlanFix stores and
/// what you write back (an id, a number, 0/1), <see cref="Text"/> what people see (<c>548 мин</c>, <c>Нет</c>); both are kept.</summary>
public sealed class PlanFixCustomValue
{
    /// <summary>The field's id (what writes send as <c>customValue/id</c>).</summary>
    public long FieldId { get; set; }

    /// <summary>The field's name; handbook records carry none, so it comes from the handbook's structure.</summary>
    public string? Name { get; set; }

    public string? Value { get; set; }

    public string? Text { get; set; }

    /// <summary>Anything else the value carried (a handbook record's files…), or null.</summary>
    public PlanFixExtra? Extra { get; set; }

    public override string ToString() => Text is { Length: > 0 } ? Text : Value ?? "";
}
