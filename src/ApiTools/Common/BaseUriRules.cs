using System.Net;

namespace ApiTools.Common;

/// <summary>Where a connection may point: HTTPS anywhere, plain HTTP only to this machine (the emulator).
/// Credentials must never cross a network in clear text.</summary>
public static class BaseUriRules
{
    public static Uri Validate(string service, Uri? uri, string source)
    {
        if (uri is null || !uri.IsAbsoluteUri)
            throw Config(service, $"The {service} base URI from {source} must be an absolute URI such as https://host/.");
        if (uri.Scheme == Uri.UriSchemeHttps) return uri;
        if (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)) return uri;
        if (uri.Scheme == Uri.UriSchemeHttp)
            throw Config(service, $"The {service} base URI from {source} uses http:// to {uri.Host}; only https:// is allowed except to this machine (127.0.0.1, localhost, [::1]).");
        throw Config(service, $"The {service} base URI from {source} has scheme '{uri.Scheme}'; use https://.");
    }

    public static Uri Parse(string service, string text, string source)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
            throw Config(service, $"The {service} base URI from {source} is not an absolute URI: '{text}'.");
        return Validate(service, uri, source);
    }

    /// <summary>This machine: 127.0.0.0/8, localhost, [::1].</summary>
    internal static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip));

    private static ApiException Config(string service, string message) => new(service, ApiErrorKind.Configuration, message);
}
