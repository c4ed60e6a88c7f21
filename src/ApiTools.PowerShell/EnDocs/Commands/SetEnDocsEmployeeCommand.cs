using ApiTools.EnDocs.Input;
using ApiTools.EnDocs.Models;
using ApiTools.EnDocs.Requests;

namespace ApiTools.PowerShell.EnDocs.Commands;

/// <summary>Set-EnDocsEmployee: adds or updates employees keyed by ExtId (AddOrUpdateEmployee).</summary>
[Cmdlet(VerbsCommon.Set, "EnDocsEmployee", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ObjectSet)]
[OutputType(typeof(EnDocsWriteResult))]
public sealed class SetEnDocsEmployeeCommand : EnDocsWriteCmdlet<EnDocsEmployee>
{
    [Parameter(ParameterSetName = ParametersSet)] public string? Position { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Email { get; set; }

    /// <summary>The ExtId of the employee's department.</summary>
    [Parameter(ParameterSetName = ParametersSet)] public string? DepartmentExtId { get; set; }

    private protected override EnDocsEmployee Read(InputFields fields, string label) => EnDocsInput.ReadEmployee(fields, label);

    private protected override UnknownFields NewUnknownFields() => UnknownFields.Of<EnDocsEmployee>("employee");

    private protected override string Describe(EnDocsEmployee draft) => $"employee '{draft.Name}' ({draft.ExtId})";

    private protected override Task<object?> SendAsync(EnDocsEmployee draft, CancellationToken cancellationToken) =>
        Boxed(Client.AddOrUpdateEmployeeAsync(draft, cancellationToken));
}
