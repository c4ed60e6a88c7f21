namespace ApiTools.EnDocs.Requests;

public sealed class EnDocsEmployee
{
    public string ExtId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Position { get; set; }
    public string? Email { get; set; }
    public string? DepartmentExtId { get; set; }
}
