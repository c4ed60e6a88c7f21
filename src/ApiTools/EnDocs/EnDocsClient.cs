using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using ApiTools.EnDocs.Serialization;
using ApiTools.EnDocs.Models;
using ApiTools.Http;
using ApiTools.Http.RateLimiting;

namespace ApiTools.EnDocs;

/// <summary>EnDocs cloud API: the account, "everything after id" document lists (streamed while the
/// body arrives), files, reference data and approvals. Writes carry a RequestID made once per write.</summary>
public sealed partial class EnDocsClient
{
    public const string ServiceName = "EnDocs";

    private static readonly ProductInfoHeaderValue UserAgent = new("ApiTools", typeof(EnDocsClient).Assembly.GetName().Version?.ToString(3) ?? "0");
    private static readonly MediaTypeWithQualityHeaderValue JsonMedia = new("application/json");

    private static string Pace(int requestsPerMinute) =>
        requestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture) + " request(s) a minute";

    /// <summary>
    /// The pace this process already keeps for the connection's token and API root, when it differs from the one the
    /// connection asks for (the first connection sets it for the process); null when the connection's own pace holds.
    /// </summary>
    public static string? PaceAlreadySet(EnDocsConnection connection) =>
        RateLimiterRegistry.PaceOtherThan(ServiceName, connection.BaseUri, connection.Token, Pace(connection.RequestsPerMinute));

    public EnDocsClient(EnDocsConnection connection, IApiObserver? observer = null)
    {
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
        var limiter = RateLimiterRegistry.GetOrAdd(ServiceName, connection.BaseUri, connection.Token,
            // A second over the minute: a request that reaches EnDocs late must not land in the window of the one
            // `RequestsPerMinute` starts later.
            () => RateLimiterRegistry.PerWindow(connection.RequestsPerMinute, TimeSpan.FromSeconds(61)), Pace(connection.RequestsPerMinute));
        Transport = new ApiTransport(
            new TransportOptions(ServiceName, connection.BaseUri, connection.Token, limiter, EnDocsErrorMapper.Instance)
            {
                Retry = connection.Retry,
                Prepare = Prepare,
            },
            observer);
    }

    public EnDocsConnection Connection { get; }

    internal ApiTransport Transport { get; }

    /// <summary>The account the token belongs to.</summary>
    public async Task<EnDocsAccount> GetClientInfoAsync(CancellationToken cancellationToken = default)
    {
        var wire = await Transport.SendAsync(new ApiRequest(HttpMethod.Get, EnDocsRoutes.ClientInfo),
            (r, ct) => ReadJsonAsync(r, EnDocsJsonContext.Default.AccountWire, ct), cancellationToken).ConfigureAwait(false);
        return new EnDocsAccount { Id = wire.Id, Name = wire.Name, Inn = wire.Inn, Kpp = wire.Kpp, Email = wire.Email, Tariff = wire.Tariff, Extra = wire.Extra };
    }

    /// <summary>The account's users (a JSON array, streamed like the document lists).</summary>
    public async IAsyncEnumerable<EnDocsUser> GetUsersAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest(HttpMethod.Get, EnDocsRoutes.ClientUsers);
        await foreach (var u in StreamListAsync(request, EnDocsJsonContext.Default.UserWire, w => w.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false))
            yield return new EnDocsUser { Id = u.Id, Name = u.Name, Email = u.Email, Position = u.Position, IsActive = u.IsActive, Extra = u.Extra };
    }

    private void Prepare(HttpRequestMessage message, ApiRequest request)
    {
        // EnDocs wants the "Bearer " prefix; a bare token is refused (#err-30).
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Connection.Token.Reveal());
        message.Headers.Accept.Add(JsonMedia);
        message.Headers.UserAgent.Add(UserAgent);
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var stream = await ResponseLimits.OpenAsync(response, ResponseLimits.EnDocsJson, ServiceName).ConfigureAwait(false);
        var value = await JsonSerializer.DeserializeAsync(stream, type, cancellationToken).ConfigureAwait(false);
        return value ?? throw new JsonException("EnDocs answered with an empty JSON body.");
    }

    /// <summary>Reads a body that may be empty (204): null then. JSON when it parses; a plain-text body as a JSON string.</summary>
    private static async Task<JsonElement?> ReadOptionalJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await ResponseLimits.ReadAllAsync(response, ResponseLimits.EnDocsJson, ServiceName, cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0) return null;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.Clone();
        }
        catch (JsonException) when (response.Content.Headers.ContentType?.MediaType?.StartsWith("text/", StringComparison.OrdinalIgnoreCase) == true)
        {
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            using var document = JsonDocument.Parse(JsonSerializer.Serialize(text, EnDocsJsonContext.Default.String));
            return document.RootElement.Clone();
        }
    }
}
