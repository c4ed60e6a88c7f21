namespace ApiTools.PlanFix;

/// <summary>file.download's 302: the file is at <see cref="Location"/>. Raised by the error mapper (the transport hands
/// every non-2xx answer to it) and caught by the download, which fetches the file from there; anywhere else it is the
/// ProtocolError it derives from.</summary>
internal sealed class PlanFixRedirect : ApiException
{
    public PlanFixRedirect(string method, Uri? location, int status)
        : base(PlanFixClient.ServiceName, ApiErrorKind.ProtocolError,
            $"PlanFix {method} answered HTTP {status}, a redirect{(location is null ? " without a Location" : "")}, where an answer was expected.")
    {
        Location = location;
        StatusCode = status;
        Method = "POST";
        Path = method;
    }

    public Uri? Location { get; }
}
