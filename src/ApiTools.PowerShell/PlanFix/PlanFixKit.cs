namespace ApiTools.PowerShell.PlanFix;

/// <summary>PlanFix for the shared cmdlet bases: the PLANFIX_* variables describe a connection (token or login mode).</summary>
internal static class PlanFixKit
{
    public static ServiceKit<PlanFixConnection, PlanFixClient> Instance { get; } = new()
    {
        Service = PlanFixClient.ServiceName,
        EnvironmentVariables = new[]
        {
            PlanFixConnection.AccountVariable, PlanFixConnection.ApiKeyVariable, PlanFixConnection.TokenVariable,
            PlanFixConnection.LoginVariable, PlanFixConnection.PasswordVariable, PlanFixConnection.BaseUriVariable,
        },
        FromEnvironment = () => PlanFixConnection.FromEnvironment(),
        NoConnectionHint =
            $"No PlanFix connection. Run Connect-PlanFix -Account <name> -ApiKey <key> -Token <token> (or -Credential), pass -Connection, " +
            $"or set {PlanFixConnection.AccountVariable}, {PlanFixConnection.ApiKeyVariable} and {PlanFixConnection.TokenVariable} " +
            $"(or {PlanFixConnection.LoginVariable}/{PlanFixConnection.PasswordVariable}).",
        ClientFor = (connection, observer) => new PlanFixClient(connection, observer),
    };
}
