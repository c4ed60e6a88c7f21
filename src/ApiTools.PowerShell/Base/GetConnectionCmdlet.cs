namespace ApiTools.PowerShell.Base;

/// <summary>
/// What every Get-*Connection does: writes the connection a cmdlet of the service would use here — the one given with
/// -Connection, else the session's from Connect-*, else the one the environment variables describe — with its base URI,
/// where it came from, its pace and retry settings, never a secret. With none at all, a warning says how to connect.
/// </summary>
public abstract class GetConnectionCmdlet<TConnection, TClient> : ServiceCmdlet<TConnection, TClient>
    where TConnection : ServiceConnection
    where TClient : class
{
    // Nothing to resolve before the first record: no connection is a warning here, not an error.
    protected override void BeginProcessing()
    {
    }

    protected override void ProcessRecord()
    {
        TConnection? connection;
        try
        {
            connection = Kit.TryResolve(Connection, WriteVerbose);
        }
        catch (ApiException malformed)
        {
            WriteApiError(malformed, null);
            return;
        }
        if (connection is null) WriteWarning(Kit.NoConnectionHint);
        else WriteObject(connection);
    }
}
