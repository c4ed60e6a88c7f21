namespace ApiTools.Http;

/// <summary>One HTTP exchange: what was sent (method, path, no secret) and how it ended.</summary>
public sealed class ApiCallInfo
{
    public ApiCallInfo(string service, string method, string path, int? status, TimeSpan elapsed, int attempt, string? failure)
    {
        Service = service;
        Method = method;
        Path = path;
        Status = status;
        Elapsed = elapsed;
        Attempt = attempt;
        Failure = failure;
    }

    public string Service { get; }
    public string Method { get; }
    public string Path { get; }
    public int? Status { get; }
    public TimeSpan Elapsed { get; }
    public int Attempt { get; }
    public string? Failure { get; }

    public override string ToString()
    {
        var outcome = Status is int s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : Failure ?? "no response";
        var retry = Attempt > 1 ? $" (attempt {Attempt})" : "";
        return $"{Service} {Method} /{Path.TrimStart('/')} -> {outcome} in {Elapsed.TotalMilliseconds:0} ms{retry}";
    }
}
