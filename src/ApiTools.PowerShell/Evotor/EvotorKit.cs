using ApiTools.Evotor;

namespace ApiTools.PowerShell.Evotor;

/// <summary>Evotor for the shared cmdlet bases: EVOTOR_TOKEN (and EVOTOR_BASE_URI) describe a connection.</summary>
internal static class EvotorKit
{
    public static ServiceKit<EvotorConnection, EvotorClient> Instance { get; } = new(
        EvotorClient.ServiceName,
        new[] { EvotorConnection.TokenVariable, EvotorConnection.BaseUriVariable },
        () => EvotorConnection.FromEnvironment(),
        $"No Evotor connection. Run Connect-Evotor -Token <token>, pass -Connection, or set the {EvotorConnection.TokenVariable} environment variable.",
        (connection, observer) => new EvotorClient(connection, observer));
}
