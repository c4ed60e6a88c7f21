using System.Runtime.CompilerServices;
using ApiTools.EnDocs.Serialization;
using ApiTools.EnDocs.Models;

namespace ApiTools.EnDocs;

/// <summary>EnDocs cloud API: the account, "everything after id" document lists (streamed while the
/// body arrives), files, reference data and approvals. Writes carry a RequestID made once per write.</summary>
public sealed partial class EnDocsClient : ServiceClient<EnDocsConnection>, IJsonEscapeHatch
{
    public const string ServiceName = "EnDocs";

    /// <summary>The most of one answer read into memory where it is not a streamed list or a file.</summary>
    internal const long MaxAnswerBytes = 32L * 1024 * 1024;

    /// <summary>The most of one element of a streamed list (one document record).</summary>
    internal const long MaxListElementBytes = 16L * 1024 * 1024;

    /// <param name="handler">Sends the requests instead of the process-wide pooled handler (canned answers, a proxy, logging).</param>
    public EnDocsClient(EnDocsConnection connection, IApiObserver? observer = null, HttpMessageHandler? handler = null)
        // EnDocs wants the "Bearer " prefix; a bare token is refused (#err-30).
        : this(connection, BearerTransport(connection, EnDocsErrorMapper.Instance, "application/json", handler, observer))
    {
    }

    /// <summary>A client over a transport of the caller's (its connection must be <paramref name="connection"/>'s).</summary>
    public EnDocsClient(EnDocsConnection connection, IApiTransport transport)
        : base(connection, transport)
    {
    }

    /// <summary>The account the token belongs to.</summary>
    public async Task<EnDocsAccount> GetClientInfoAsync(CancellationToken cancellationToken = default)
    {
        var wire = await Transport.SendAsync(new ApiRequest(HttpMethod.Get, EnDocsRoutes.ClientInfo), async (r, ct) =>
        {
            var bytes = await ResponseLimits.ReadAllAsync(r, MaxAnswerBytes, ServiceName, ct).ConfigureAwait(false);
            return TolerantReader.Read(bytes, EnDocsJsonContext.Default.AccountWire, "account", Transport.Observer);
        }, cancellationToken).ConfigureAwait(false);
        return EnDocsModels.Account(wire ?? throw new ApiException(ServiceName, ApiErrorKind.ProtocolError, "EnDocs answered GetClientInfo with something that is not an account."));
    }

    /// <summary>The account's users (a JSON array, streamed like the document lists).</summary>
    public async IAsyncEnumerable<EnDocsUser> GetUsersAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest(HttpMethod.Get, EnDocsRoutes.ClientUsers);
        await foreach (var u in StreamListAsync(request, Tolerant(EnDocsJsonContext.Default.UserWire, "user"), w => w.Id ?? "(no id)", cancellationToken).ConfigureAwait(false))
            yield return EnDocsModels.User(u);
    }

}
