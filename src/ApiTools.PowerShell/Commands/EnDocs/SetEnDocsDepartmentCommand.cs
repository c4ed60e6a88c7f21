using System.Management.Automation;
using ApiTools.EnDocs.Input;
using ApiTools.EnDocs.Models;
using ApiTools.PowerShell.Base;
using ApiTools.EnDocs.Requests;

namespace ApiTools.PowerShell.Commands.EnDocs;

/// <summary>Set-EnDocsDepartment: adds or updates departments keyed by ExtId (AddOrUpdateDepartment).</summary>
[Cmdlet(VerbsCommon.Set, "EnDocsDepartment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ObjectSet)]
[OutputType(typeof(EnDocsWriteResult))]
public sealed class SetEnDocsDepartmentCommand : EnDocsWriteCmdlet
{
    /// <summary>The ExtId of the department it belongs to.</summary>
    [Parameter(ParameterSetName = ParametersSet)] public string? ParentExtId { get; set; }

    protected override void ProcessRecord() =>
        Write("department", EnDocsInput.ReadDepartment, d => $"'{d.Name}' ({d.ExtId})", (d, ct) => Client.AddOrUpdateDepartmentAsync(d, ct));
}
