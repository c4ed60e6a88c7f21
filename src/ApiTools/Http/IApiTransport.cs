namespace ApiTools.Http;

/// <summary>
/// The seam between a service client and HTTP: sends one logical call (limiter, retries, time budget) and hands a
/// successful answer to <c>read</c> inside the same attempt. <see cref="ApiTransport"/> is the one implementation the
/// module ships; tests and library users reach HTTP through it with their own <see cref="HttpMessageHandler"/>
/// (canned answers, a proxy, logging), or give a client a transport of their own.
/// </summary>
public interface IApiTransport
{
    /// <summary>Evotor, PlanFix or EnDocs: the service errors name.</summary>
    string Service { get; }

    /// <summary>Hears every call, wait and warning (the pager reports through it too).</summary>
    IApiObserver Observer { get; }

    Task<T> SendAsync<T>(ApiRequest request, Func<HttpResponseMessage, CancellationToken, Task<T>> read, CancellationToken cancellationToken);
}
