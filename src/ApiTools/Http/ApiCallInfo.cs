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
        var path = Path.Contains("://") ? Path : "/" + Path.TrimStart('/'); // a file outside the API shows its whole address
        return $"{Service} {Method} {path} -> {outcome} in {Elapsed.TotalMilliseconds:0} ms{retry}";
    }
}
