namespace ApiTools.PowerShell.Base;

/// <summary>Base of every cmdlet that calls a service: adds -Connection and resolves it in the order -Connection >
/// Connect-* > the service's environment variables (<see cref="ServiceKit{TConnection,TClient}.Resolve"/>), saying in
/// verbose which one it used; the client is made once per invocation.</summary>
public abstract class ServiceCmdlet<TConnection, TClient> : ApiCmdlet
    where TConnection : ServiceConnection
    where TClient : class
{
    private TClient? _client;

    /// <summary>A connection from Connect-* -PassThru; without it the session's default is used.</summary>
    [Parameter]
    [ValidateNotNull]
    public TConnection? Connection { get; set; }

    protected TClient Client => _client ??= Kit.NewClient(Kit.Resolve(Connection, WriteVerbose), Observer);

    protected override string Service => Kit.Service;

    private protected abstract ServiceKit<TConnection, TClient> Kit { get; }

    protected override void BeginProcessing()
    {
        // Resolved before the first item, so a missing connection is one error, not one per item.
        try
        {
            _ = Client;
        }
        catch (ApiException error)
        {
            WriteApiError(error, null);
        }
    }
}
