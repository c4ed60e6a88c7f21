namespace ApiTools.PowerShell.Base;

/// <summary>
/// What the shared cmdlet bases need to know of one service: its name, how to make a client, and where a connection
/// comes from when none is given. One instance per service (EvotorKit, PlanFixKit, EnDocsKit); everything else about
/// connections is written once here.
/// </summary>
public sealed class ServiceKit<TConnection, TClient>
    where TConnection : ServiceConnection
    where TClient : class
{
    /// <summary>Evotor, PlanFix or EnDocs, as error ids name it.</summary>
    public string Service { get; init; } = "";

    /// <summary>The variables that describe a connection: while they keep their values, the connection they make is
    /// kept for the process (a PlanFix login-mode session and a quota count carry over from command to command).</summary>
    public IReadOnlyList<string> EnvironmentVariables { get; init; } = Array.Empty<string>();

    /// <summary>The connection the environment describes, or null when it describes none. A half-set description or a
    /// malformed base URI throws rather than falling back to the public service silently.</summary>
    internal Func<TConnection?> FromEnvironment { get; init; } = () => null;

    /// <summary>The error text when there is no connection at all: how to make one.</summary>
    public string NoConnectionHint { get; init; } = "";

    /// <summary>Makes the service's client for a connection.</summary>
    internal Func<TConnection, IApiObserver, TClient> ClientFor { get; init; } = null!;

    public TClient NewClient(TConnection connection, IApiObserver observer) => ClientFor(connection, observer);

    /// <summary>The kit of a service whose connection is a token (Evotor, EnDocs): a token variable and a base URI variable
    /// describe it, and the hint says to connect with -Token or set the token variable.</summary>
    internal static ServiceKit<TConnection, TClient> ForToken(string service, string tokenVariable, string baseUriVariable,
        Func<TConnection?> fromEnvironment, Func<TConnection, IApiObserver, TClient> clientFor) => new()
    {
        Service = service,
        EnvironmentVariables = new[] { tokenVariable, baseUriVariable },
        FromEnvironment = fromEnvironment,
        NoConnectionHint = $"No {service} connection. Run Connect-{service} -Token <token>, pass -Connection, or set the {tokenVariable} environment variable.",
        ClientFor = clientFor,
    };

    /// <summary>The runspace's default connection (Connect-*), or null.</summary>
    internal TConnection? Default => ConnectionStore.Current.Get<TConnection>();

    /// <summary>
    /// The connection a cmdlet uses: <paramref name="given"/> (-Connection), else the runspace's default, else the
    /// environment's. <paramref name="verbose"/> hears which one (the connection's text never holds a secret).
    /// </summary>
    public TConnection Resolve(TConnection? given, Action<string> verbose) =>
        TryResolve(given, verbose) ?? throw new ApiException(Service, ApiErrorKind.Configuration, NoConnectionHint);

    /// <summary>As <see cref="Resolve"/>, or null when there is no connection at all (a malformed one still throws).</summary>
    public TConnection? TryResolve(TConnection? given, Action<string> verbose)
    {
        if (given is not null)
        {
            verbose($"Using {given} given with -Connection.");
            return given;
        }
        if (Default is TConnection current)
        {
            verbose($"Using {current}.");
            return current;
        }
        if (EnvironmentConnections.GetOrCreate(Service, EnvironmentVariables, FromEnvironment) is TConnection fromEnv)
        {
            verbose($"Using {fromEnv}.");
            return fromEnv;
        }
        return null;
    }
}
