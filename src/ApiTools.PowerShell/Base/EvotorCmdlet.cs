using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ApiTools.Evotor;
using ApiTools.Paging;
using ApiTools.Errors;

namespace ApiTools.PowerShell.Base;

/// <summary>Base of every cmdlet that calls Evotor: adds -Connection and resolves it in the order
/// -Connection > Connect-Evotor > EVOTOR_TOKEN/EVOTOR_BASE_URI, saying in verbose which one it used.</summary>
public abstract class EvotorCmdlet : ApiCmdlet
{
    protected override string Service => EvotorClient.ServiceName;

    private EvotorClient? _client;

    /// <summary>A connection from <c>Connect-Evotor -PassThru</c>; without it the session's default is used.</summary>
    [Parameter]
    [ValidateNotNull]
    public EvotorConnection? Connection { get; set; }

    protected EvotorClient Client => _client ??= new EvotorClient(ResolveConnection(), Observer);

    protected override void BeginProcessing()
    {
        try
        {
            _ = Client;
        }
        catch (ApiException error)
        {
            WriteApiError(error, null);
        }
    }

    /// <summary>
    /// Writes a store-scoped list for the given stores, or for every store of the account when none
    /// are given: streamed store after store, page after page, with one -First/-Skip over the whole
    /// walk. A store that fails (no permission, say) is one error; the walk goes on.
    /// </summary>
    protected void WriteForStores<T>(IReadOnlyList<string>? storeIds, Func<string, PageRange, CancellationToken, IAsyncEnumerable<T>> list)
    {
        foreach (var storeId in storeIds ?? AllStoreIds())
        {
            if (Budget.Spent) return;
            WriteStream(() => list(storeId, PagerCap, StopToken), target: storeId, scope: $"store {storeId}");
        }
    }

    /// <summary>The store ids a by-id lookup needs: -StoreId, given or piped. Without one the call is a usage error.</summary>
    protected IReadOnlyList<string> StoreIdsForById()
    {
        var ids = MyInvocation.BoundParameters.TryGetValue("StoreId", out var value) ? value as string[] : null;
        if (ids is { Length: > 0 }) return ids;
        ThrowTerminatingError(new ErrorRecord(
            new PSArgumentException("-Id needs -StoreId: Evotor looks up products, groups and documents within a store."),
            "Evotor.StoreIdRequired", ErrorCategory.InvalidArgument, null));
        return ids!;
    }

    private IReadOnlyList<string> AllStoreIds()
    {
        // Ids only: a few bytes a store, so the walk can say how far it has come.
        var ids = Await(async ct =>
        {
            var list = new List<string>();
            await foreach (var store in Client.GetStoresAsync(PageRange.All, ct).ConfigureAwait(false)) list.Add(store.Id);
            return list;
        });
        WriteVerbose($"No -StoreId: walking all {ids.Count} stores.");
        return ids;
    }

    private EvotorConnection ResolveConnection()
    {
        if (Connection is not null)
        {
            WriteVerbose($"Using {Connection} given with -Connection.");
            return Connection;
        }
        if (ConnectionStore.Current.Evotor is EvotorConnection current)
        {
            WriteVerbose($"Using {current}.");
            return current;
        }
        // A malformed EVOTOR_BASE_URI throws here rather than silently falling back to the real service.
        if (EvotorConnection.FromEnvironment() is EvotorConnection fromEnv)
        {
            WriteVerbose($"Using {fromEnv}.");
            return fromEnv;
        }
        throw new ApiException(EvotorClient.ServiceName, ApiErrorKind.Configuration,
            $"No Evotor connection. Run Connect-Evotor -Token <token>, pass -Connection, or set the {EvotorConnection.TokenVariable} environment variable.");
    }
}
