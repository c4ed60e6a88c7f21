namespace ApiTools.PowerShell.EnDocs.Commands;

/// <summary>Set-EnDocsEmployee: adds or updates employees (AddOrUpdateEmployee), keyed by ExtId when given; last, first and
/// middle name are required, as EnDocs' page marks them.</summary>
[Cmdlet(VerbsCommon.Set, "EnDocsEmployee", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ObjectSet)]
[OutputType(typeof(EnDocsWriteResult))]
public sealed class SetEnDocsEmployeeCommand : EnDocsWriteCmdlet<EnDocsEmployee>
{
    [Parameter(ParameterSetName = ParametersSet)] public string? ExtId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
    [ValidateNotNullOrEmpty]
    public string LastName { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
    [ValidateNotNullOrEmpty]
    public string FirstName { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
    [ValidateNotNullOrEmpty]
    public string MiddleName { get; set; } = "";

    [Parameter(ParameterSetName = ParametersSet)] public string? Email { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? MobilePhone { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public DateTime? BirthDate { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Position { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? DepartmentExtId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? OrganizationExtId { get; set; }

    private protected override string[] LabelFields => new[] { "ExtId", "LastName", "Email" };

    private protected override EnDocsEmployee Read(InputFields fields, string label) => EnDocsInput.ReadEmployee(fields, label);

    private protected override UnknownFields NewUnknownFields() => EnDocsInput.NewEmployeeUnknownFields();

    private protected override string[] PromptFields => new[] { "LastName", "FirstName", "MiddleName", "Email", "MobilePhone", "BirthDate", "Position", "DepartmentExtId", "OrganizationExtId" };

    private protected override string Describe(EnDocsEmployee draft) =>
        $"employee '{draft.LastName} {draft.FirstName} {draft.MiddleName}'{(draft.ExtId is null ? "" : $" ({draft.ExtId})")}";

    private protected override Task<object?> SendAsync(EnDocsEmployee draft, CancellationToken cancellationToken) =>
        Boxed(Client.AddOrUpdateEmployeeAsync(draft, cancellationToken));
}
