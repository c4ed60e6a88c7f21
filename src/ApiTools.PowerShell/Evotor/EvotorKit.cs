namespace ApiTools.PowerShell.Evotor;

/// <summary>Evotor for the shared cmdlet bases: EVOTOR_TOKEN (and EVOTOR_BASE_URI) describe a connection.</summary>
internal static class EvotorKit
{
    public static ServiceKit<EvotorConnection, EvotorClient> Instance { get; } = ServiceKit<EvotorConnection, EvotorClient>.ForToken(
        EvotorClient.ServiceName, EvotorConnection.TokenVariable, EvotorConnection.BaseUriVariable,
        () => EvotorConnection.FromEnvironment(), (connection, observer) => new EvotorClient(connection, observer));
}
