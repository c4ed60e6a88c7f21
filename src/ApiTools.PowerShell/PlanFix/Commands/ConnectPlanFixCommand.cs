using System.Security;

namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Connect-PlanFix: makes the runspace's default PlanFix connection, in token mode (-Token) or login mode
/// (-Credential), after one cheap call (user.get for the user it signs in as) proves the credentials.</summary>
[Cmdlet(VerbsCommunications.Connect, "PlanFix", DefaultParameterSetName = TokenSet)]
[OutputType(typeof(PlanFixConnection))]
public sealed class ConnectPlanFixCommand : ConnectCmdlet<PlanFixConnection, PlanFixClient>
{
    private const string TokenSet = "Token";
    private const string LoginSet = "Login";

    /// <summary>The account name: mycompany for https://mycompany.planfix.ru.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string Account { get; set; } = "";

    /// <summary>The API key from the account's API settings; a SecureString, or a plain string.</summary>
    [Parameter(Mandatory = true)]
    [SecureStringTransformation]
    [ValidateNotNull]
    public SecureString ApiKey { get; set; } = null!;

    /// <summary>A user token (token mode).</summary>
    [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
    [SecureStringTransformation]
    [ValidateNotNull]
    public SecureString Token { get; set; } = null!;

    /// <summary>A PlanFix login and password (login mode: auth.login, then a session id kept by the connection).</summary>
    [Parameter(Mandatory = true, ParameterSetName = LoginSet)]
    [ValidateNotNull]
    [Credential]
    public PSCredential Credential { get; set; } = null!;

    /// <summary>Client-side pace for this account and key, shared by every runspace in the process.</summary>
    [Parameter]
    [ValidateRange(0.01, 1000.0)]
    public double RequestsPerSecond { get; set; } = 1;

    /// <summary>Requests a day on the account's plan: the base for the "under 10 % left" warning.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int DailyQuota { get; set; } = 5000;

    /// <summary>The user's time zone in PlanFix: an id (Europe/Moscow) or an offset (+03:00). Default UTC+3.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TimeZoneCompleter))]
    public string? TimeZone { get; set; }

    private protected override ServiceKit<PlanFixConnection, PlanFixClient> Kit => PlanFixKit.Instance;

    // In login mode this signs in (auth.login) before it asks.
    private protected override Task CheckAsync(PlanFixClient client, CancellationToken cancellationToken) =>
        client.GetCurrentUserAsync(cancellationToken);

    protected override PlanFixConnection Create(RetryOptions retry)
    {
        var options = new PlanFixOptions
        {
            RequestsPerSecond = RequestsPerSecond,
            DailyQuota = DailyQuota,
            TimeZone = TimeZone is null ? PlanFixDates.Moscow : PlanFixDates.ParseTimeZone(TimeZone),
            Retry = retry,
        };
        var baseUri = BaseUri ?? PlanFixConnection.BaseUriFromEnvironment();
        var key = Secret.FromSecureString(ApiKey);
        return ParameterSetName == LoginSet
            ? PlanFixConnection.WithLogin(Account, key, Credential.UserName, Secret.FromSecureString(Credential.Password), baseUri, "Connect-PlanFix", options)
            : PlanFixConnection.WithToken(Account, key, Secret.FromSecureString(Token), baseUri, "Connect-PlanFix", options);
    }

    private protected override string PaceParameter => nameof(RequestsPerSecond);
}
