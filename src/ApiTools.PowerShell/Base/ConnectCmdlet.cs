using System;
using System.Management.Automation;
using ApiTools.Http;
using ApiTools.Errors;

namespace ApiTools.PowerShell.Base;

/// <summary>
/// What every Connect-* shares: -BaseUri, the retry settings, -PassThru, and one way of failing (a
/// Configuration error naming what was wrong, never the secret). A subclass makes its connection and
/// stores it as the runspace's default; nothing is sent until a cmdlet calls the service.
/// </summary>
public abstract class ConnectCmdlet<TConnection> : PSCmdlet where TConnection : ServiceConnection
{
    /// <summary>API root; without it the service's *_BASE_URI variable if set, else the service's public address.</summary>
    [Parameter]
    public Uri? BaseUri { get; set; }

    /// <summary>Requests in all for one call, the first included.</summary>
    [Parameter]
    [ValidateRange(1, 20)]
    public int MaxAttempts { get; set; } = RetryOptions.Default.MaxAttempts;

    /// <summary>Total time one call may take across its retries.</summary>
    [Parameter]
    public TimeSpan RetryBudget { get; set; } = RetryOptions.Default.Budget;

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected abstract string Service { get; }

    /// <summary>Makes the connection from the parameters (<paramref name="retry"/> already built from them).</summary>
    protected abstract TConnection Create(RetryOptions retry);

    /// <summary>Makes it the runspace's default.</summary>
    protected abstract void Store(TConnection connection);

    /// <summary>A warning to show once the connection is made (a pace the process already keeps), or null.</summary>
    protected virtual string? Caution(TConnection connection) => null;

    protected override void EndProcessing()
    {
        TConnection connection;
        try
        {
            connection = Create(RetryOptions.Default.With(MaxAttempts, RetryBudget));
        }
        catch (Exception error) when (error is ApiException or ArgumentException)
        {
            ThrowTerminatingError(new ErrorRecord(error, $"{Service}.Configuration", ErrorCategory.InvalidArgument, BaseUri));
            return;
        }
        Store(connection);
        if (Caution(connection) is string caution) WriteWarning(caution);
        WriteVerbose($"Connected: {connection}.");
        if (PassThru) WriteObject(connection);
    }
}
