using System;
using System.Management.Automation;
using ApiTools.Evotor.Models;
using ApiTools.Evotor.Requests;
using ApiTools.PowerShell.Errors;

namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Get-EvotorDocument: sales, returns, sessions and other till documents of a store or a terminal
/// (every store's without -StoreId), filtered by close time and type; or documents by id.</summary>
[Cmdlet(VerbsCommon.Get, "EvotorDocument", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(Document))]
public sealed class GetEvotorDocumentCommand : EvotorCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";

    /// <summary>Stores to list; binds from a Store or Device on the pipeline. None: every store.</summary>
    // In every set and never mandatory: PowerShell prefers a set whose mandatory parameter the pipeline
    // fills, so a mandatory -StoreId in ById would turn `Get-EvotorStore | Get-X` into a prompt for -Id.
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    public string[]? StoreId { get; set; }

    /// <summary>Only this terminal's documents; binds from a Device. Without -StoreId its store is looked up.</summary>
    [Parameter(ParameterSetName = ListSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    public string? DeviceId { get; set; }

    /// <summary>Closed at or after this time.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime? Since { get; set; }

    /// <summary>Closed before this time.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime? Until { get; set; }

    /// <summary>Document types: SELL, PAYBACK, OPEN_SESSION, CLOSE_SESSION, CASH_INCOME, …</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidatePattern("^[A-Za-z_]+$")]
    [ArgumentCompleter(typeof(DocumentTypeCompleter))]
    public string[]? Type { get; set; }

    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    public string[] Id { get; set; } = null!;

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ByIdSet)
        {
            foreach (var store in StoreIdsForById())
                foreach (var id in Id)
                    ForItem(id, () => WriteObject(Await(ct => Client.GetDocumentAsync(store, id, ct))));
            return;
        }
        if (Since is DateTime s && Until is DateTime u && s > u)
            ThrowTerminatingError(CmdletError.InvalidArgument, new PSArgumentException($"-Since ({s:O}) is after -Until ({u:O}): no document can match."), Since);
        var query = new DocumentQuery
        {
            Since = Since is DateTime since ? new DateTimeOffset(since) : null,
            Until = Until is DateTime until ? new DateTimeOffset(until) : null,
            Types = Type is null ? null : Array.ConvertAll(Type, t => t.ToUpperInvariant()),
            DeviceId = DeviceId,
        };
        var stores = StoreId;
        if (stores is null && DeviceId is not null)
        {
            var device = DeviceId;
            ForItem(device, () => stores = new[] { Await(ct => Client.GetDeviceAsync(device, ct)).StoreId ?? "" });
            if (stores is null) return;
        }
        WriteForStores(stores, (store, cap, ct) => Client.GetDocumentsAsync(store, query, cap, ct));
    }
}
