using System.Management.Automation;
using ApiTools.EnDocs.Input;
using ApiTools.EnDocs.Models;
using ApiTools.PowerShell.Base;
using ApiTools.EnDocs.Requests;

namespace ApiTools.PowerShell.Commands.EnDocs;

/// <summary>Set-EnDocsContractor: adds or updates counterparties keyed by ExtId (AddOrUpdateContractor).</summary>
[Cmdlet(VerbsCommon.Set, "EnDocsContractor", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ObjectSet)]
[OutputType(typeof(EnDocsWriteResult))]
public sealed class SetEnDocsContractorCommand : EnDocsWriteCmdlet
{
    [Parameter(ParameterSetName = ParametersSet)] public string? FullName { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Inn { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Kpp { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Address { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? LawAddress { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Phone { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Email { get; set; }

    /// <summary>E.g. ЮрЛицо.</summary>
    [Parameter(ParameterSetName = ParametersSet)] public string? Type { get; set; }

    protected override void ProcessRecord() =>
        Write("contractor", EnDocsInput.ReadContractor, d => $"'{d.Name}' ({d.ExtId})", (d, ct) => Client.AddOrUpdateContractorAsync(d, ct));
}
