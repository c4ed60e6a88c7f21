using System;
using System.Management.Automation;
using System.Security;
using ApiTools.Evotor;
using ApiTools.Http;
using ApiTools.PowerShell.Base;

namespace ApiTools.PowerShell.Commands.Evotor;

/// <summary>Connect-Evotor: makes the runspace's default Evotor connection. Nothing is sent until a
/// cmdlet calls Evotor, so a bad token shows up on the first call as Evotor.Unauthorized.</summary>
[Cmdlet(VerbsCommunications.Connect, "Evotor")]
[OutputType(typeof(EvotorConnection))]
public sealed class ConnectEvotorCommand : PSCmdlet
{
    /// <summary>The Evotor cloud token; a SecureString, or a plain string.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [SecureStringTransformation]
    [ValidateNotNull]
    public SecureString Token { get; set; } = null!;

    /// <summary>API root; default EVOTOR_BASE_URI if set, else https://api.evotor.ru. http:// only to this machine (the emulator).</summary>
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

    protected override void EndProcessing()
    {
        EvotorConnection connection;
        try
        {
            var retry = RetryOptions.Default.With(MaxAttempts, RetryBudget);
            // Without -BaseUri, EVOTOR_BASE_URI still decides where to go, as it does without Connect-Evotor.
            var baseUri = BaseUri ?? EvotorConnection.BaseUriFromEnvironment();
            connection = EvotorConnection.Create(Secret.FromSecureString(Token), baseUri, "Connect-Evotor", retry);
        }
        catch (Exception error) when (error is ApiException or ArgumentException)
        {
            ThrowTerminatingError(new ErrorRecord(error, "Evotor.Configuration", ErrorCategory.InvalidArgument, BaseUri));
            return;
        }
        ConnectionStore.Current.Evotor = connection;
        WriteVerbose($"Connected: {connection}.");
        if (PassThru) WriteObject(connection);
    }
}
