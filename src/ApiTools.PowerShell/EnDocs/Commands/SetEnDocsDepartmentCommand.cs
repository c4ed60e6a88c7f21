namespace ApiTools.PowerShell.EnDocs.Commands;

/// <summary>Set-EnDocsDepartment: adds or updates departments keyed by ExtId (AddOrUpdateDepartment).</summary>
[Cmdlet(VerbsCommon.Set, "EnDocsDepartment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ObjectSet)]
[OutputType(typeof(EnDocsWriteResult))]
public sealed class SetEnDocsDepartmentCommand : EnDocsKeyedWriteCmdlet<EnDocsDepartment>
{
    [Parameter(ParameterSetName = ParametersSet)] public string? FullName { get; set; }

    /// <summary>The head's e-mail (EnDocs login).</summary>
    [Parameter(ParameterSetName = ParametersSet)] public string? Manager { get; set; }

    [Parameter(ParameterSetName = ParametersSet)] public string? Code { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? OrganizationExtId { get; set; }

    private protected override EnDocsDepartment Read(InputFields fields, string label) => EnDocsInput.ReadDepartment(fields, label);

    private protected override UnknownFields NewUnknownFields() => EnDocsInput.NewDepartmentUnknownFields();

    private protected override string[] PromptFields => new[] { "Name", "FullName", "Manager", "Code", "OrganizationExtId" };

    private protected override string Kind => "department";

    private protected override Task<object?> SendAsync(EnDocsDepartment draft, CancellationToken cancellationToken) =>
        Boxed(Client.AddOrUpdateDepartmentAsync(draft, cancellationToken));
}
