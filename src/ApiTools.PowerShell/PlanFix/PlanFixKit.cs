using ApiTools.Http;
using ApiTools.PlanFix;

namespace ApiTools.PowerShell.PlanFix;

/// <summary>PlanFix for the shared cmdlet bases: the PLANFIX_* variables describe a connection (token or login mode).</summary>
internal sealed class PlanFixKit : ServiceKit<PlanFixConnection, PlanFixClient>
{
    public static PlanFixKit Instance { get; } = new();

    public override string Service => PlanFixClient.ServiceName;

    public override IReadOnlyList<string> EnvironmentVariables { get; } = new[]
    {
        PlanFixConnection.AccountVariable, PlanFixConnection.ApiKeyVariable, PlanFixConnection.TokenVariable,
        PlanFixConnection.LoginVariable, PlanFixConnection.PasswordVariable, PlanFixConnection.BaseUriVariable,
    };

    public override PlanFixConnection? FromEnvironment() => PlanFixConnection.FromEnvironment();

    public override string NoConnectionHint =>
        $"No PlanFix connection. Run Connect-PlanFix -Account <name> -ApiKey <key> -Token <token> (or -Credential), pass -Connection, " +
        $"or set {PlanFixConnection.AccountVariable}, {PlanFixConnection.ApiKeyVariable} and {PlanFixConnection.TokenVariable} " +
        $"(or {PlanFixConnection.LoginVariable}/{PlanFixConnection.PasswordVariable}).";

    public override PlanFixClient NewClient(PlanFixConnection connection, IApiObserver observer) => new(connection, observer);
}
