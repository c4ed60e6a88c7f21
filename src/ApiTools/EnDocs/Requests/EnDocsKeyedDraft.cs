namespace ApiTools.EnDocs.Requests;

/// <summary>A record EnDocs keys by its external (1C) id and requires a name of: a contractor, a department, a contract.
/// An add-or-update with an <see cref="ExtId"/> EnDocs already has updates that record.</summary>
public abstract class EnDocsKeyedDraft
{
    public string ExtId { get; set; } = "";
    public string Name { get; set; } = "";
}
