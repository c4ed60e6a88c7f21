using ApiTools.EnDocs.Input;
using ApiTools.EnDocs.Models;
using ApiTools.EnDocs.Requests;

namespace ApiTools.PowerShell.EnDocs.Commands;

/// <summary>Set-EnDocsContract: adds or updates contracts keyed by ExtId (AddOrUpdateContract); dates go as dd.MM.yyyy.</summary>
[Cmdlet(VerbsCommon.Set, "EnDocsContract", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ObjectSet)]
[OutputType(typeof(EnDocsWriteResult))]
public sealed class SetEnDocsContractCommand : EnDocsWriteCmdlet<EnDocsContractDraft>
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

    private protected override EnDocsContractDraft Read(InputFields fields, string label) => EnDocsInput.ReadContract(fields, label);

    private protected override UnknownFields NewUnknownFields() => UnknownFields.Of<EnDocsContractDraft>("contract");

    private protected override string Describe(EnDocsContractDraft draft) => $"contract '{draft.Name}' ({draft.ExtId})";

    private protected override Task<object?> SendAsync(EnDocsContractDraft draft, CancellationToken cancellationToken) =>
        Boxed(Client.AddOrUpdateContractAsync(draft, cancellationToken));
}
