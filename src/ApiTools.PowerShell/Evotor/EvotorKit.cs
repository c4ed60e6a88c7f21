using ApiTools.Evotor;
using ApiTools.Http;

namespace ApiTools.PowerShell.Evotor;

/// <summary>Evotor for the shared cmdlet bases: EVOTOR_TOKEN (and EVOTOR_BASE_URI) describe a connection.</summary>
internal sealed class EvotorKit : ServiceKit<EvotorConnection, EvotorClient>
{
    public static EvotorKit Instance { get; } = new();

    public override string Service => EvotorClient.ServiceName;

    public override IReadOnlyList<string> EnvironmentVariables { get; } = new[] { EvotorConnection.TokenVariable, EvotorConnection.BaseUriVariable };

    public override EvotorConnection? FromEnvironment() => EvotorConnection.FromEnvironment();

    public override string NoConnectionHint =>
        $"No Evotor connection. Run Connect-Evotor -Token <token>, pass -Connection, or set the {EvotorConnection.TokenVariable} environment variable.";

    public override EvotorClient NewClient(EvotorConnection connection, IApiObserver observer) => new(connection, observer);
}
