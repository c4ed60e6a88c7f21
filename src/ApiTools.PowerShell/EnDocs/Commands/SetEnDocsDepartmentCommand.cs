using ApiTools.EnDocs.Input;
using ApiTools.EnDocs.Models;
using ApiTools.EnDocs.Requests;

namespace ApiTools.PowerShell.EnDocs.Commands;

/// <summary>Set-EnDocsDepartment: adds or updates departments keyed by ExtId (AddOrUpdateDepartment).</summary>
[Cmdlet(VerbsCommon.Set, "EnDocsDepartment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ObjectSet)]
[OutputType(typeof(EnDocsWriteResult))]
public sealed class SetEnDocsDepartmentCommand : EnDocsWriteCmdlet<EnDocsDepartment>
{
    /// <summary>The ExtId of the department it belongs to.</summary>
    [Parameter(ParameterSetName = ParametersSet)] public string? ParentExtId { get; set; }

    private protected override EnDocsDepartment Read(InputFields fields, string label) => EnDocsInput.ReadDepartment(fields, label);

    private protected override UnknownFields NewUnknownFields() => UnknownFields.Of<EnDocsDepartment>("department");

    private protected override string Describe(EnDocsDepartment draft) => $"department '{draft.Name}' ({draft.ExtId})";

    private protected override Task<object?> SendAsync(EnDocsDepartment draft, CancellationToken cancellationToken) =>
        Boxed(Client.AddOrUpdateDepartmentAsync(draft, cancellationToken));
}
