using ApiTools.Evotor.Bulk;
using ApiTools.Evotor.Serialization;
using ApiTools.Evotor.Models;

namespace ApiTools.Evotor;

// Bulk create-or-replace: one PUT +bulk per chunk; the task is then polled through GetBulkTaskAsync.
public sealed partial class EvotorClient
{
    internal const string BulkMediaType = "application/vnd.evotor.v2+bulk+json";

    /// <summary>Sends one chunk (a JSON array of items carrying their ids) and returns the accepted task.
    /// A PUT of client-made ids is safe to repeat, so it is retried like any idempotent call. The task's id comes from the
    /// 202's body, or from its <c>Location</c> (<c>/resource-tasks/:id</c>) when the body has none.</summary>
    public async Task<BulkTask> SendBulkAsync(string storeId, BulkKind kind, byte[] jsonArray, CancellationToken cancellationToken = default)
    {
        var path = kind == BulkKind.Product ? EvotorRoutes.Products(storeId) : EvotorRoutes.ProductGroups(storeId);
        var request = new ApiRequest(HttpMethod.Put, path) { Content = () => JsonContent(jsonArray, BulkMediaType) };
        var answer = await Transport.SendAsync(request, (r, ct) => ReadWriteAnswerAsync(r, EvotorJsonContext.Default.BulkTask, ct), cancellationToken).ConfigureAwait(false);
        var task = answer.Value ?? new BulkTask { Status = "ACCEPTED" };
        if (string.IsNullOrEmpty(task.Id)) task.Id = LastSegment(answer.Location ?? answer.ValueLocation) ?? "";
        if (task.Id.Length == 0)
            throw new ApiException(ServiceName, ApiErrorKind.ProtocolError, $"Evotor {request} accepted the chunk but named no task, in its body or a Location; its outcome cannot be followed.")
            { Method = request.Method.Method, Path = request.Path };
        return task;
    }
}
