namespace ApiTools.PowerShell.Base;

/// <summary>What every Disconnect-* does: forgets the runspace's default connection of its service (the environment
/// variables still serve if set) and says which one it forgot.</summary>
public abstract class DisconnectCmdlet<TConnection> : PSCmdlet where TConnection : ServiceConnection
{
    protected abstract string Service { get; }

    protected override void EndProcessing()
    {
        var forgotten = ConnectionStore.Current.Set<TConnection>(null);
        WriteVerbose(forgotten is null ? $"No {Service} connection was set." : $"Forgot {forgotten}.");
    }
}
