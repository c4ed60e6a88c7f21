namespace ApiTools.EnDocs.Requests;

public sealed class EnDocsDepartment
{
    public string ExtId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? ParentExtId { get; set; }
}
