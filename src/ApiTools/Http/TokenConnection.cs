namespace ApiTools.Http;

/// <summary>A connection authorised by one bearer token (Evotor, EnDocs): the service counts its budget by that token,
/// and the token is the secret scrubbed from anything the server echoes.</summary>
public abstract class TokenConnection : ServiceConnection
{
    private protected TokenConnection(string service, Secret token, Uri baseUri, string source, RetryOptions retry)
        : base(service, baseUri, source, retry)
    {
        Token = token ?? throw new ArgumentNullException(nameof(token));
        CheckOneLine(service, token, "token", source);
    }

    internal Secret Token { get; }

    internal override Secret LimitCredential => Token;

    internal override IEnumerable<Secret> Secrets => new[] { Token };

    /// <summary>The token <paramref name="variable"/> holds, or null when it is not set.</summary>
    protected static Secret? TokenFromVariable(string variable)
    {
        var token = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrEmpty(token) ? null : Secret.FromString(token!);
    }
}
