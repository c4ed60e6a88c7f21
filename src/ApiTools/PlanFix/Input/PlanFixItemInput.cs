using ApiTools.Input;

namespace ApiTools.PlanFix.Input;

/// <summary>
/// How input items of one kind that has custom fields (a task, a contact, a project) are read: the fields a reader
/// reads, the names that are never custom field columns (those fields and every column the Get- cmdlet writes), the
/// warning for a column that neither they nor the account's custom fields name, and the reader itself. One table a
/// kind, so the New- and Set- cmdlets of a kind, its reader and its warning agree about its fields.
/// </summary>
public sealed class PlanFixItemInput<TDraft>
{
    private readonly IReadOnlyList<string> _suggested;
    private readonly Reader _read;

    /// <param name="update">A change to an existing item: its id is required, what it does not give is kept.</param>
    /// <param name="customFields">The names of the account's custom fields of the kind (columns of those names set them).</param>
    public delegate TDraft Reader(InputFields fields, string label, TimeZoneInfo zone, bool update, IReadOnlyCollection<string>? customFields);

    /// <param name="notSuggested">Fields read but not offered in the warning (aliases such as WorkerId, -CustomField, Fingerprint).</param>
    internal PlanFixItemInput(string kind, Type model, IReadOnlyList<string> fields, IReadOnlyCollection<string> notSuggested, Reader read)
    {
        Kind = kind;
        Fields = fields;
        Standard = fields.Concat(model.GetProperties().Select(p => p.Name)).ToList();
        _suggested = fields.Where(f => !notSuggested.Contains(f)).ToList();
        _read = read;
    }

    /// <summary>task, contact or project: the kind the account's custom fields are kept by (<see cref="PlanFixClient.TaskKind"/>…).</summary>
    public string Kind { get; }

    /// <summary>The fields an item may set, as the reader asks for them.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>Names that are never custom field columns: the fields and the columns the Get- cmdlet writes.</summary>
    public IReadOnlyCollection<string> Standard { get; }

    /// <summary>The columns and keys an item may carry: the fields, every column the Get- cmdlet writes, and the account's
    /// custom fields of the kind by name.</summary>
    public UnknownFields NewUnknownFields(IEnumerable<string>? customFields = null)
    {
        var custom = customFields?.ToList() ?? new List<string>();
        return new UnknownFields(Standard.Concat(custom), Kind, _suggested.Concat(custom).ToList());
    }

    /// <summary>Reads and checks one item; throws <see cref="ApiValidationException"/> naming every bad field.</summary>
    public TDraft Read(InputFields fields, string label, TimeZoneInfo zone, bool update = false, IReadOnlyCollection<string>? customFields = null) =>
        _read(fields, label, zone, update, customFields);
}
