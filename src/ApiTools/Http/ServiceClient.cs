using System.Net.Http.Headers;

namespace ApiTools.Http;

/// <summary>What every service client is made of: the connection it calls with and the transport its calls go through
/// (the process-wide pooled one, a caller's handler under it, or a whole transport of the caller's).</summary>
public abstract class ServiceClient<TConnection> where TConnection : ServiceConnection
{
    /// <summary>A client over a transport of the caller's (its connection must be <paramref name="connection"/>'s).</summary>
    private protected ServiceClient(TConnection connection, IApiTransport transport)
    {
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
        Transport = transport ?? throw new ArgumentNullException(nameof(transport));
    }

    public TConnection Connection { get; }

    internal IApiTransport Transport { get; }

    /// <summary>The transport of a service that sends its token as a Bearer credential (Evotor, EnDocs), through
    /// <paramref name="handler"/> when one is given.</summary>
    private protected static IApiTransport BearerTransport(TokenConnection connection, IErrorMapper errors, string accept, HttpMessageHandler? handler,
        IApiObserver? observer) =>
        new ApiTransport(new TransportOptions(connection ?? throw new ArgumentNullException(nameof(connection)), errors,
            () => new AuthenticationHeaderValue("Bearer", connection.Token.Reveal()), accept) { Handler = handler }, observer);
}
