using System.Management.Automation;
using ApiTools.PlanFix;
using ApiTools.Errors;

namespace ApiTools.PowerShell.Base;

/// <summary>Base of every cmdlet that calls PlanFix: adds -Connection and resolves it in the order
/// -Connection > Connect-PlanFix > the PLANFIX_* variables, saying in verbose which one it used (never a secret).</summary>
public abstract class PlanFixCmdlet : ApiCmdlet
{
    protected override string Service => PlanFixClient.ServiceName;

    private PlanFixClient? _client;

    /// <summary>A connection from <c>Connect-PlanFix -PassThru</c>; without it the session's default is used.</summary>
    [Parameter]
    [ValidateNotNull]
    public PlanFixConnection? Connection { get; set; }

    protected PlanFixClient Client => _client ??= new PlanFixClient(ResolveConnection(), Observer);

    protected override void BeginProcessing()
    {
        try
        {
            _ = Client;
        }
        catch (ApiException error)
        {
            WriteApiError(error, null);
        }
    }

    private PlanFixConnection ResolveConnection()
    {
        if (Connection is not null)
        {
            WriteVerbose($"Using {Connection} given with -Connection.");
            return Connection;
        }
        if (ConnectionStore.Current.PlanFix is PlanFixConnection current)
        {
            WriteVerbose($"Using {current}.");
            return current;
        }
        // A half-set PLANFIX_* description or a malformed PLANFIX_BASE_URI throws here rather than fall back silently.
        // Kept for the process while the variables are unchanged, so the session and the quota count carry over.
        var variables = new[]
        {
            PlanFixConnection.AccountVariable, PlanFixConnection.ApiKeyVariable, PlanFixConnection.TokenVariable,
            PlanFixConnection.LoginVariable, PlanFixConnection.PasswordVariable, PlanFixConnection.BaseUriVariable,
        };
        if (EnvironmentConnections.GetOrCreate(PlanFixClient.ServiceName, variables, () => PlanFixConnection.FromEnvironment()) is PlanFixConnection fromEnv)
        {
            WriteVerbose($"Using {fromEnv}.");
            return fromEnv;
        }
        throw new ApiException(PlanFixClient.ServiceName, ApiErrorKind.Configuration,
            $"No PlanFix connection. Run Connect-PlanFix -Account <name> -ApiKey <key> -Token <token> (or -Credential), pass -Connection, " +
            $"or set {PlanFixConnection.AccountVariable}, {PlanFixConnection.ApiKeyVariable} and {PlanFixConnection.TokenVariable} " +
            $"(or {PlanFixConnection.LoginVariable}/{PlanFixConnection.PasswordVariable}).");
    }
}
