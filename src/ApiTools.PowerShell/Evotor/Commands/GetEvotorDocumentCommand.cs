using ApiTools.PowerShell.Evotor.Completers;

namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Get-EvotorDocument: sales, returns, sessions and other till documents of a store or a terminal
/// (every store's without -StoreId), filtered by close time and type; or documents by id.</summary>
[Cmdlet(VerbsCommon.Get, "EvotorDocument", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(Document))]
public sealed class GetEvotorDocumentCommand : EvotorStoreListCmdlet<Document>
{
    private DocumentQuery? _query;

    /// <summary>Only this terminal's documents; binds from a Device. Without -StoreId its store is looked up.</summary>
    [Parameter(ParameterSetName = ListSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    [ArgumentCompleter(typeof(EvotorIdCompleter))]
    public string? DeviceId { get; set; }

    /// <summary>Closed at or after this time.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime? Since { get; set; }

    /// <summary>Closed before this time.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime? Until { get; set; }

    /// <summary>Document types: SELL, PAYBACK, OPEN_SESSION, CLOSE_SESSION, CASH_INCOME, … (Tab completes the known ones;
    /// any other goes to Evotor as written).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidatePattern("^[A-Za-z_]+$")]
    [ArgumentCompleter(typeof(DocumentTypeCompleter))]
    public string[]? Type { get; set; }

    private protected override bool TryListStores(out IReadOnlyList<string>? stores)
    {
        if (Since is DateTime s && Until is DateTime u && s > u)
            ThrowTerminatingError(CmdletError.InvalidArgument, new PSArgumentException($"-Since ({s:O}) is after -Until ({u:O}): no document can match."), Since);
        _query = new DocumentQuery
        {
            Since = Since is DateTime since ? new DateTimeOffset(since) : null,
            Until = Until is DateTime until ? new DateTimeOffset(until) : null,
            Types = Type is null ? null : Array.ConvertAll(Type, t => t.ToUpperInvariant()),
            DeviceId = DeviceId,
        };
        stores = StoreId;
        if (stores is not null || DeviceId is not string device) return true;
        // A terminal's documents live under its store: look the store up, once per terminal piped in.
        IReadOnlyList<string>? found = null;
        ForItem(device, () => found = new[] { Await(ct => Client.GetDeviceAsync(device, ct)).StoreId ?? "" });
        stores = found;
        return found is not null;
    }

    private protected override IAsyncEnumerable<Document> List(string storeId, PageRange cap, CancellationToken cancellationToken) =>
        Client.GetDocumentsAsync(storeId, _query, cap, cancellationToken);

    private protected override Task<Document> Get(string storeId, string id, CancellationToken cancellationToken) =>
        Client.GetDocumentAsync(storeId, id, cancellationToken);
}
