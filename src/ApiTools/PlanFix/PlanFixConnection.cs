using ApiTools.Http.RateLimiting;

namespace ApiTools.PlanFix;

/// <summary>
/// Where and as whom to reach PlanFix: the account, its data centre's endpoint and the credentials of one of
/// PlanFix's two sign-in modes (a user token, or a login whose session id this connection keeps). It shows the
/// account, endpoint, mode and where it came from, never the API key, token, password or session id: those are
/// <see cref="Secret"/>s only the client library can read. The quota count and the session are per connection.
/// </summary>
public sealed class PlanFixConnection : ServiceConnection
{
    public const string DefaultBaseUri = "https://api.planfix.ru/xml/";
    public const string AccountVariable = "PLANFIX_ACCOUNT";
    public const string ApiKeyVariable = "PLANFIX_API_KEY";
    public const string TokenVariable = "PLANFIX_TOKEN";
    public const string LoginVariable = "PLANFIX_LOGIN";
    public const string PasswordVariable = "PLANFIX_PASSWORD";
    public const string BaseUriVariable = "PLANFIX_BASE_URI";

    public const string TokenMode = "Token";
    public const string LoginMode = "Login";

    private PlanFixConnection(string account, Secret apiKey, Secret? token, string? login, Secret? password, Uri baseUri, string source, PlanFixOptions options)
        : base(PlanFixClient.ServiceName, baseUri, source, options.Retry)
    {
        Account = account;
        ApiKey = apiKey;
        UserToken = token;
        Login = login;
        Password = password;
        Options = options;
        Quota = new QuotaTracker(account, options.DailyQuota, () => SharedQuota.For(this, TimeZone));
        Session = new PlanFixSession();
        Pace = Pace.PerSecond(options.RequestsPerSecond);
        LimitScope = new Uri(baseUri, "?account=" + Uri.EscapeDataString(account));
    }

    /// <summary>The PlanFix account name (the <c>acme</c> of acme.planfix.ru).</summary>
    public string Account { get; }

    /// <summary><c>Token</c> (API key + user token) or <c>Login</c> (API key + login/password → session id).</summary>
    public string AuthMode => UserToken is null ? LoginMode : TokenMode;

    /// <summary>The login name in login mode (not a secret); null in token mode.</summary>
    public string? Login { get; }

    public int DailyQuota => Quota.DailyQuota;

    /// <summary>Requests left today as last seen (header or own count); null before the first request.</summary>
    public int? QuotaRemaining => Quota.Remaining;

    public double RequestsPerSecond => Options.RequestsPerSecond;

    public TimeZoneInfo TimeZone => Options.TimeZone;

    internal PlanFixOptions Options { get; }

    internal Secret ApiKey { get; }

    internal Secret? UserToken { get; }

    internal Secret? Password { get; }

    public override Pace Pace { get; }

    public override string RateKey => $"PlanFix account '{Account}' with this API key";

    /// <summary>PlanFix limits per account and key.</summary>
    internal override Uri LimitScope { get; }

    internal override Secret LimitCredential => ApiKey;

    internal override IEnumerable<Secret> Secrets
    {
        get
        {
            yield return ApiKey;
            if (UserToken is not null) yield return UserToken;
            if (Password is not null) yield return Password;
            if (Session.Current is Secret sid) yield return sid;
        }
    }

    internal QuotaTracker Quota { get; }

    internal PlanFixSession Session { get; }

    /// <summary>The account's status sets and custom field names as this connection has learned them.</summary>
    internal PlanFixCatalog Catalog { get; } = new();

    public static PlanFixConnection WithToken(string account, Secret apiKey, Secret userToken, Uri? baseUri = null, string source = "code", PlanFixOptions? options = null)
    {
        if (userToken is null) throw new ArgumentNullException(nameof(userToken));
        return Create(account, apiKey, userToken, null, null, baseUri, source, options);
    }

    public static PlanFixConnection WithLogin(string account, Secret apiKey, string login, Secret password, Uri? baseUri = null, string source = "code", PlanFixOptions? options = null)
    {
        if (string.IsNullOrWhiteSpace(login)) throw new ArgumentException("A login is required.", nameof(login));
        if (password is null) throw new ArgumentNullException(nameof(password));
        return Create(account, apiKey, null, login.Trim(), password, baseUri, source, options);
    }

    /// <summary>
    /// The connection the PLANFIX_* variables describe, or null when neither PLANFIX_ACCOUNT nor PLANFIX_API_KEY is set.
    /// A half-set description (an account without a key, a login without a password, neither a token nor a login) is a
    /// Configuration error rather than a silent fall-back.
    /// </summary>
    public static PlanFixConnection? FromEnvironment(PlanFixOptions? options = null)
    {
        var account = Variable(AccountVariable);
        var key = Variable(ApiKeyVariable);
        if (account is null && key is null) return null;
        var source = "the PLANFIX_* environment variables";
        if (account is null || key is null)
            throw Config($"{(account is null ? AccountVariable : ApiKeyVariable)} is not set while {(account is null ? ApiKeyVariable : AccountVariable)} is: set both, or neither.");
        var baseUri = BaseUriFromEnvironment();
        var token = Variable(TokenVariable);
        if (token is not null) return WithToken(account, Secret.FromString(key), Secret.FromString(token), baseUri, source, options);
        var login = Variable(LoginVariable);
        var password = Variable(PasswordVariable);
        if (login is not null && password is not null) return WithLogin(account, Secret.FromString(key), login, Secret.FromString(password), baseUri, source, options);
        if (login is not null || password is not null)
            throw Config($"{(login is null ? LoginVariable : PasswordVariable)} is not set while {(login is null ? PasswordVariable : LoginVariable)} is: login mode needs both.");
        throw Config($"{AccountVariable} and {ApiKeyVariable} are set, but neither {TokenVariable} nor {LoginVariable}/{PasswordVariable}: set a user token or a login and password.");
    }

    /// <summary>The endpoint PLANFIX_BASE_URI names, or null when it is not set; a malformed one is an error.</summary>
    public static Uri? BaseUriFromEnvironment() => BaseUriFromVariable(PlanFixClient.ServiceName, BaseUriVariable);

    public override string ToString() =>
        $"PlanFix account {Account} at {BaseUri} ({(UserToken is null ? "login " + Login : "token")}, from {Source})";

    private static PlanFixConnection Create(string account, Secret apiKey, Secret? token, string? login, Secret? password, Uri? baseUri, string source, PlanFixOptions? options)
    {
        if (string.IsNullOrWhiteSpace(account)) throw Config("A PlanFix account name is required (the acme of acme.planfix.ru).");
        if (apiKey is null) throw new ArgumentNullException(nameof(apiKey));
        // Both travel in the Basic header.
        CheckOneLine(PlanFixClient.ServiceName, apiKey, "API key", source);
        if (token is not null) CheckOneLine(PlanFixClient.ServiceName, token, "user token", source);
        options ??= PlanFixOptions.Default;
        options.Validate();
        var (uri, _) = Checked(PlanFixClient.ServiceName, baseUri, DefaultBaseUri, source, options.Retry);
        return new PlanFixConnection(account.Trim(), apiKey, token, login, password, uri, source, options);
    }

    private static string? Variable(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private static ApiException Config(string message) => new(PlanFixClient.ServiceName, ApiErrorKind.Configuration, message);
}
