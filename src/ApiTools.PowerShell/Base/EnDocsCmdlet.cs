using System.Management.Automation;
using ApiTools.EnDocs;
using ApiTools.Errors;

namespace ApiTools.PowerShell.Base;

/// <summary>Base of every cmdlet that calls EnDocs: adds -Connection and resolves it in the order
/// -Connection > Connect-EnDocs > ENDOCS_TOKEN/ENDOCS_BASE_URI, saying in verbose which one it used.</summary>
public abstract class EnDocsCmdlet : ApiCmdlet
{
    protected override string Service => EnDocsClient.ServiceName;

    private EnDocsClient? _client;

    /// <summary>A connection from <c>Connect-EnDocs -PassThru</c>; without it the session's default is used.</summary>
    [Parameter]
    [ValidateNotNull]
    public EnDocsConnection? Connection { get; set; }

    protected EnDocsClient Client => _client ??= new EnDocsClient(ResolveConnection(), Observer);

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

    private EnDocsConnection ResolveConnection()
    {
        if (Connection is not null)
        {
            WriteVerbose($"Using {Connection} given with -Connection.");
            return Connection;
        }
        if (ConnectionStore.Current.EnDocs is EnDocsConnection current)
        {
            WriteVerbose($"Using {current}.");
            return current;
        }
        // A malformed ENDOCS_BASE_URI throws here rather than silently falling back to the real service.
        if (EnDocsConnection.FromEnvironment() is EnDocsConnection fromEnv)
        {
            WriteVerbose($"Using {fromEnv}.");
            return fromEnv;
        }
        throw new ApiException(EnDocsClient.ServiceName, ApiErrorKind.Configuration,
            $"No EnDocs connection. Run Connect-EnDocs -Token <token>, pass -Connection, or set the {EnDocsConnection.TokenVariable} environment variable.");
    }
}
