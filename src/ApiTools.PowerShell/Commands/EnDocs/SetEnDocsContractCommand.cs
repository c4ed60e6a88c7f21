using System;
using System.Management.Automation;
using ApiTools.EnDocs.Input;
using ApiTools.EnDocs.Models;
using ApiTools.PowerShell.Base;

namespace ApiTools.PowerShell.Commands.EnDocs;

/// <summary>Set-EnDocsContract: adds or updates contracts keyed by ExtId (AddOrUpdateContract); dates go as dd.MM.yyyy.</summary>
[Cmdlet(VerbsCommon.Set, "EnDocsContract", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ObjectSet)]
[OutputType(typeof(EnDocsWriteResult))]
public sealed class SetEnDocsContractCommand : EnDocsWriteCmdlet
{
    [Parameter(ParameterSetName = ParametersSet)] public string? DocNumber { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public DateTime? DocDate { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public decimal? Amount { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Currency { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? ContractorExtId { get; set; }

    /// <summary>С поставщиком or С покупателем.</summary>
    [Parameter(ParameterSetName = ParametersSet)] public string? Type { get; set; }

    [Parameter(ParameterSetName = ParametersSet)] public DateTime? ValidityPeriod { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Subject { get; set; }

    protected override void ProcessRecord() =>
        Write("contract", EnDocsInput.ReadContract, d => $"'{d.Name}' ({d.ExtId})", (d, ct) => Client.AddOrUpdateContractAsync(d, ct));
}
