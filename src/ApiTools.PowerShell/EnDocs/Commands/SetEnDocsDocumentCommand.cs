namespace ApiTools.PowerShell.EnDocs.Commands;

/// <summary>
/// Set-EnDocsDocument: adds or updates structured documents, from the accounting system (AddOrUpdateExtDoc: Source Входящий
/// or Исходящий) or internal ones (AddOrUpdateLocalDoc: Source Внутренний), keyed by ExtId (or MetaId). The table part comes
/// as typed rows (-TablePart: objects, hashtables or a second CSV's rows, matched to documents by DocumentExtId) and goes as
/// the JSON text EnDocs keeps; files come from -Path (20 MB a document, checked first).
/// </summary>
[Cmdlet(VerbsCommon.Set, "EnDocsDocument", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ObjectSet)]
[OutputType(typeof(EnDocsWriteResult))]
public sealed class SetEnDocsDocumentCommand : EnDocsWriteCmdlet<EnDocsDocumentDraft>
{
    private IReadOnlyList<string> _files = Array.Empty<string>();
    private List<(string? DocumentExtId, EnDocsTableRow? Row, ApiValidationException? Invalid, int Number)>? _rows;

    [Parameter(ParameterSetName = ParametersSet)] public string? ExtId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public long? MetaId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public long? NonFormId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
    [ArgumentCompleter(typeof(EnDocsValueCompleter))]
    public int DocTypeId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
    [ArgumentCompleter(typeof(EnDocsValueCompleter))]
    [ValidateNotNullOrEmpty]
    public string Source { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
    [ValidateNotNullOrEmpty]
    public string OrganizationExtId { get; set; } = "";

    [Parameter(ParameterSetName = ParametersSet)] public string? ContractorExtId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? ContractExtId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? DocNumber { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public DateTime? DocDate { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public decimal? Amount { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public decimal? AmountWithoutVat { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public decimal? AmountToPay { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public decimal? Vat { get; set; }

    [Parameter(ParameterSetName = ParametersSet)]
    [ArgumentCompleter(typeof(EnDocsValueCompleter))]
    public string? Currency { get; set; }

    [Parameter(ParameterSetName = ParametersSet)] public string? DocNumInvoice { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public DateTime? DocDateInvoice { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? DocNumTaxInvoice { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public DateTime? DocDateTaxInvoice { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Operation { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Comment { get; set; }

    [Parameter(ParameterSetName = ParametersSet)]
    [ArgumentCompleter(typeof(EnDocsValueCompleter))]
    public string? State { get; set; }

    [Parameter(ParameterSetName = ParametersSet)] public bool? Signed { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public bool? Paid { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public DateTime? PaymentDate { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? PaymentNumber { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? NotifyUser { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public DateTime? PeriodFrom { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public DateTime? PeriodTo { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Receiver { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Address { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Delivery { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Contact { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? PackageId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public int? DocKindId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? EdiId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? EdiState { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? EdiProvider { get; set; }

    /// <summary>The lines, for piped documents too: EnDocsTableRow objects, hashtables or Import-Csv rows. Rows with a
    /// DocumentExtId go to the document of that ExtId only; rows without one go to every document.</summary>
    [Parameter]
    [ValidateNotNull]
    public PSObject[]? TablePart { get; set; }

    /// <summary>Files to attach; for piped documents too (an item's own Path column counts as well).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    private protected override EnDocsDocumentDraft Read(InputFields fields, string label)
    {
        var draft = EnDocsDocumentInput.ReadDocument(fields, label, RowsFor(fields.Text("ExtId")?.Trim(), label));
        _files = EnDocsFilePaths.ForItem(SessionState, Path ?? (PipedItem is null ? null : (IEnumerable<string>?)fields.List("Path")), Name(draft));
        return draft;
    }

    /// <summary>The -TablePart rows of the document with this ExtId (null: none given, or none of them its); an invalid row
    /// makes the document invalid.</summary>
    private EnDocsTablePart? RowsFor(string? extId, string label)
    {
        if (TablePart is null) return null;
        _rows ??= TablePart.Select((row, i) =>
        {
            var fields = InputItem.Fields(row);
            var owner = fields.Text("DocumentExtId")?.Trim();
            try
            {
                return (owner, (EnDocsTableRow?)EnDocsDocumentInput.ReadTableRow(fields, $"table part row {i + 1}"), (ApiValidationException?)null, i + 1);
            }
            catch (ApiValidationException invalid)
            {
                return (owner, null, invalid, i + 1);
            }
        }).ToList();
        var mine = _rows.Where(r => r.DocumentExtId is null || r.DocumentExtId == extId).ToList();
        if (mine.Count == 0) return null; // none of the rows is this document's: its own table part stands
        var bad = mine.Where(r => r.Invalid is not null).ToList();
        if (bad.Count > 0)
            throw EnDocsFilePaths.Invalid(label, bad.SelectMany(r => r.Invalid!.Violations.Select(v => new ApiViolation($"TablePart row {r.Number} {v.Subject}", v.Reason))));
        return new EnDocsTablePart(mine.Select(r => r.Row!));
    }

    private protected override UnknownFields NewUnknownFields() => EnDocsDocumentInput.NewDocumentUnknownFields();

    private protected override string[] LabelFields => new[] { "ExtId", "MetaId", "DocNumber" };

    private protected override string[] PromptFields => new[] { "MetaId", "NonFormId", "DocTypeId", "Source", "OrganizationExtId", "ContractorExtId", "ContractExtId", "DocNumber", "DocDate", "Amount", "AmountWithoutVat", "AmountToPay", "Vat", "Currency", "Operation", "Comment", "State", "Signed", "Paid" };

    private protected override string Describe(EnDocsDocumentDraft draft)
    {
        var type = EnDocsDocumentTypes.Known.TryGetValue(draft.DocTypeId, out var known) ? known : $"type {draft.DocTypeId}";
        var lines = draft.TablePart is { Count: > 0 } rows ? $", {rows.Count} line(s)" : "";
        var files = _files.Count > 0 ? $", {_files.Count} file(s)" : "";
        return $"{(draft.IsLocal ? "local" : draft.Source)} {type} {Name(draft)}{lines}{files}";
    }

    private static string Name(EnDocsDocumentDraft draft) =>
        $"document '{draft.DocNumber ?? draft.ExtId ?? draft.MetaId?.ToString(System.Globalization.CultureInfo.InvariantCulture)}'" +
        (draft.ExtId is null ? "" : $" ({draft.ExtId})");

    private protected override Task<object?> SendAsync(EnDocsDocumentDraft draft, CancellationToken cancellationToken)
    {
        // Read only now, after ShouldProcess: -WhatIf reads no file.
        draft.Files.AddRange(EnDocsFileContent.Read(Name(draft), draft.Files, _files));
        return Boxed(Client.AddOrUpdateDocumentAsync(draft, cancellationToken));
    }
}
