using System.Management.Automation;
using ApiTools.Evotor;

namespace ApiTools.PowerShell.Base;

/// <summary>Base of every cmdlet that calls Evotor: adds -Connection and resolves it in the order
/// -Connection > Connect-Evotor > EVOTOR_TOKEN/EVOTOR_BASE_URI, saying in verbose which one it used.</summary>
public abstract class EvotorCmdlet : ApiCmdlet
{
    private EvotorClient? _client;

    /// <summary>A connection from <c>Connect-Evotor -PassThru</c>; without it the session's default is used.</summary>
    [Parameter]
    [ValidateNotNull]
    public EvotorConnection? Connection { get; set; }

    protected EvotorClient Client => _client ??= new EvotorClient(ResolveConnection(), Observer);

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

    private EvotorConnection ResolveConnection()
    {
        if (Connection is not null)
        {
            WriteVerbose($"Using {Connection} given with -Connection.");
            return Connection;
        }
        if (ConnectionStore.Current.Evotor is EvotorConnection current)
        {
            WriteVerbose($"Using {current}.");
            return current;
        }
        // A malformed EVOTOR_BASE_URI throws here rather than silently falling back to the real service.
        if (EvotorConnection.FromEnvironment() is EvotorConnection fromEnv)
        {
            WriteVerbose($"Using {fromEnv}.");
            return fromEnv;
        }
        throw new ApiException(EvotorClient.ServiceName, ApiErrorKind.Configuration,
            $"No Evotor connection. Run Connect-Evotor -Token <token>, pass -Connection, or set the {EvotorConnection.TokenVariable} environment variable.");
    }
}
