using ApiTools.Http.RateLimiting;

namespace ApiTools.Http;

/// <summary>
/// What every service connection has: the service, the API root, where it came from (Connect-*, an
/// environment variable, code) and the retry settings. Credentials stay in the service's own subclass, as
/// <see cref="Secret"/>s only the client library can read: nothing here can print one.
/// </summary>
public abstract class ServiceConnection
{
    protected ServiceConnection(string service, Uri baseUri, string source, RetryOptions retry)
    {
        Service = service;
        BaseUri = baseUri;
        Source = source;
        Retry = retry;
        RateStore = RedisRateStore.FromEnvironment();
    }

    public string Service { get; }

    /// <summary>The API root the service's paths are relative to.</summary>
    public Uri BaseUri { get; }

    /// <summary>Where the connection came from: Connect-*, an environment variable, code.</summary>
    public string Source { get; }

    public int MaxAttempts => Retry.MaxAttempts;

    public TimeSpan RetryBudget => Retry.Budget;

    internal RetryOptions Retry { get; }

    /// <summary>How fast this connection's key may go; the first connection to a key sets it for the process.</summary>
    public abstract Pace Pace { get; }

    /// <summary>The pace this process already keeps for this connection's key when it is not <see cref="Pace"/> (set by
    /// an earlier connection to the same key: they share one budget); null when this connection's own pace holds.</summary>
    public Pace? PaceAlreadySet() => RateLimiterRegistry.PaceOtherThan(this);

    /// <summary>Where this connection's key keeps its rate budget so that every process and host on the key shares it: a
    /// Redis (APITOOLS_REDIS, or Connect-* -Redis), or null for this process alone. Set it before the first call; the
    /// first store named for a key holds for the process.</summary>
    public RedisRateStore? RateStore { get; set; }

    /// <summary>The store already keeping this connection's key when <see cref="RateStore"/> names another (the first store
    /// named for a key holds for the process); null when none does yet, or it is this one.</summary>
    public RedisRateStore? StoreAlreadySet() => RateLimiterRegistry.StoreOtherThan(this);

    /// <summary>What the service's budget is counted by, in words that show no secret ("this EnDocs token").</summary>
    public virtual string RateKey => $"this {Service} token";

    /// <summary>What the service's limit is counted over besides the credential: the API root (PlanFix: and the account).</summary>
    internal virtual Uri LimitScope => BaseUri;

    /// <summary>The credential the service counts requests by.</summary>
    internal abstract Secret LimitCredential { get; }

    /// <summary>Every secret this connection holds or has been given (tokens, keys, passwords, session ids): what is
    /// scrubbed from anything a server echoes.</summary>
    internal abstract IEnumerable<Secret> Secrets { get; }

    /// <summary>Checks what every connection is checked for: a usable base URI (https, or http to this machine) and sane retry settings.</summary>
    protected static (Uri BaseUri, RetryOptions Retry) Checked(string service, Uri? baseUri, string defaultBaseUri, string source, RetryOptions? retry)
    {
        var uri = BaseUriRules.Validate(service, baseUri ?? new Uri(defaultBaseUri), source);
        retry ??= RetryOptions.Default;
        retry.Validate();
        return (uri, retry);
    }

    /// <summary>Refuses a credential that travels in an HTTP header (a token, an API key) but holds a line break or another
    /// control character, as a Configuration error naming it and where it came from (never its value): sent, it would
    /// fail as a malformed header, or split one.</summary>
    protected static void CheckOneLine(string service, Secret credential, string what, string source)
    {
        if (credential.ControlCharacter is not char c) return;
        var name = c switch { '\r' => "a carriage return (CR)", '\n' => "a line break (LF)", '\t' => "a tab", _ => $"a control character (U+{(int)c:X4})" };
        throw new ApiException(service, ApiErrorKind.Configuration,
            $"The {service} {what} from {source} has {name} in it; a {what} is one line of text. " +
            "Remove it (a file read with Get-Content -Raw ends with a line break: use (Get-Content <file> -Raw).Trim()).");
    }

    /// <summary>The base URI an environment variable names, or null when it is not set; a malformed one is an error, never a silent default.</summary>
    protected static Uri? BaseUriFromVariable(string service, string variable)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrEmpty(text) ? null : BaseUriRules.Parse(service, text!, $"the {variable} environment variable");
    }

    public override string ToString() => $"{Service} at {BaseUri} (from {Source})";
}
