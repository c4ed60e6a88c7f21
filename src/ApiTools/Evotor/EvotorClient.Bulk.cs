using ApiTools.Evotor.Bulk;
using ApiTools.Evotor.Serialization;
using ApiTools.Evotor.Models;

namespace ApiTools.Evotor;

// Bulk create-or-replace: one PUT +bulk per chunk; the task is then polled through GetBulkTaskAsync.
public sealed partial class EvotorClient
{
    internal const string BulkMediaType = "application/vnd.evotor.v2+bulk+json";

    /// <summary>Sends one chunk (a JSON array of items carrying their ids) and returns the accepted task.
    /// A PUT of client-made ids is safe to repeat, so it is retried like any idempotent call.</summary>
    public Task<BulkTask> SendBulkAsync(string storeId, BulkKind kind, byte[] jsonArray, CancellationToken cancellationToken = default)
    {
        var path = kind == BulkKind.Product ? EvotorRoutes.Products(storeId) : EvotorRoutes.ProductGroups(storeId);
        var request = new ApiRequest(HttpMethod.Put, path) { Content = () => JsonContent(jsonArray, BulkMediaType) };
        return Transport.SendAsync(request, (r, ct) => ReadJsonAsync(r, EvotorJsonContext.Default.BulkTask, ct), cancellationToken);
    }
}
