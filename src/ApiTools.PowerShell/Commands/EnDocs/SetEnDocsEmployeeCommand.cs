using System.Management.Automation;
using ApiTools.EnDocs.Input;
using ApiTools.EnDocs.Models;
using ApiTools.PowerShell.Base;
using ApiTools.EnDocs.Requests;

namespace ApiTools.PowerShell.Commands.EnDocs;

/// <summary>Set-EnDocsEmployee: adds or updates employees keyed by ExtId (AddOrUpdateEmployee).</summary>
[Cmdlet(VerbsCommon.Set, "EnDocsEmployee", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ObjectSet)]
[OutputType(typeof(EnDocsWriteResult))]
public sealed class SetEnDocsEmployeeCommand : EnDocsWriteCmdlet
{
    [Parameter(ParameterSetName = ParametersSet)] public string? Position { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Email { get; set; }

    /// <summary>The ExtId of the employee's department.</summary>
    [Parameter(ParameterSetName = ParametersSet)] public string? DepartmentExtId { get; set; }

    protected override void ProcessRecord() =>
        Write("employee", EnDocsInput.ReadEmployee, d => $"'{d.Name}' ({d.ExtId})", (d, ct) => Client.AddOrUpdateEmployeeAsync(d, ct));
}
