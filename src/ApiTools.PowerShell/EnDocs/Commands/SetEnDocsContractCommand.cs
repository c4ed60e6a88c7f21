namespace ApiTools.PowerShell.EnDocs.Commands;

/// <summary>Set-EnDocsContract: adds or updates contracts keyed by ExtId (AddOrUpdateContract), the contractor and the
/// organization named by their Ext_ID, dates as dd.MM.yyyy, files attached from -Path (20 MB a contract, checked first).</summary>
[Cmdlet(VerbsCommon.Set, "EnDocsContract", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ObjectSet)]
[OutputType(typeof(EnDocsWriteResult))]
public sealed class SetEnDocsContractCommand : EnDocsKeyedWriteCmdlet<EnDocsContractDraft>
{
    private IReadOnlyList<string> _files = Array.Empty<string>();

    [Parameter(ParameterSetName = ParametersSet)] public string? DocNumber { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public DateTime? DocDate { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public decimal? Amount { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public decimal? AmountWithoutVat { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public decimal? Vat { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Currency { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
    [ValidateNotNullOrEmpty]
    public string ContractorExtId { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
    [ValidateNotNullOrEmpty]
    public string OrganizationExtId { get; set; } = "";

    /// <summary>С поставщиком or С покупателем.</summary>
    [Parameter(ParameterSetName = ParametersSet)]
    [ArgumentCompleter(typeof(EnDocsValueCompleter))]
    public string? Type { get; set; }

    [Parameter(ParameterSetName = ParametersSet)] public DateTime? ValidityPeriod { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Subject { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Comment { get; set; }

    [Parameter(ParameterSetName = ParametersSet)]
    [ArgumentCompleter(typeof(EnDocsValueCompleter))]
    public string? State { get; set; }

    [Parameter(ParameterSetName = ParametersSet)] public long? NonFormId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public long? ContractId { get; set; }

    /// <summary>Files to attach; for piped items too (an item's own Path column counts as well).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    private protected override EnDocsContractDraft Read(InputFields fields, string label)
    {
        var draft = EnDocsDocumentInput.ReadContract(fields, label);
        _files = EnDocsFilePaths.ForItem(SessionState, PathsOf(fields), $"contract '{draft.ExtId}'");
        return draft;
    }

    /// <summary>-Path, else the item's Path column (a;b), else none.</summary>
    private IEnumerable<string>? PathsOf(InputFields fields) => Path ?? (PipedItem is null ? null : (IEnumerable<string>?)fields.List("Path"));

    private protected override UnknownFields NewUnknownFields() => EnDocsDocumentInput.NewContractUnknownFields();

    private protected override string[] PromptFields => new[] { "Name", "DocNumber", "DocDate", "Amount", "AmountWithoutVat", "Vat", "Currency", "ContractorExtId", "OrganizationExtId", "Type", "ValidityPeriod", "Subject", "Comment", "State", "NonFormId", "ContractId" };

    private protected override string Kind => "contract";

    private protected override string Describe(EnDocsContractDraft draft) =>
        base.Describe(draft) + (_files.Count == 0 ? "" : $" with {_files.Count} file(s)");

    private protected override Task<object?> SendAsync(EnDocsContractDraft draft, CancellationToken cancellationToken)
    {
        // Read only now, after ShouldProcess: -WhatIf reads no file.
        draft.Files.AddRange(EnDocsFileContent.Read(draft.ExtId, draft.Files, _files));
        return Boxed(Client.AddOrUpdateContractAsync(draft, cancellationToken));
    }
}
