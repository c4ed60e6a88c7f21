namespace ApiTools.Http;

/// <summary>Turns a service's failed response into the matching ApiException: the one place per
/// service where status codes and error bodies are read.</summary>
public interface IErrorMapper
{
    /// <param name="body">The error body, capped, already scrubbed of the connection's secret; may be empty.</param>
    ApiException Map(ApiRequest request, HttpResponseMessage response, string body);
}
