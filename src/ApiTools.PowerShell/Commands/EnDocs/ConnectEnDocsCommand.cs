using System;
using System.Management.Automation;
using System.Security;
using ApiTools.EnDocs;
using ApiTools.Http;
using ApiTools.PowerShell.Base;

namespace ApiTools.PowerShell.Commands.EnDocs;

/// <summary>Connect-EnDocs: makes the runspace's default EnDocs connection. Nothing is sent until a
/// cmdlet calls EnDocs, so a bad token shows up on the first call as EnDocs.Unauthorized.</summary>
[Cmdlet(VerbsCommunications.Connect, "EnDocs")]
[OutputType(typeof(EnDocsConnection))]
public sealed class ConnectEnDocsCommand : PSCmdlet
{
    /// <summary>The EnDocs API token from the account's 1C settings; a SecureString, or a plain string.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [SecureStringTransformation]
    [ValidateNotNull]
    public SecureString Token { get; set; } = null!;

    /// <summary>API root with its base path (e.g. https://host/api); default ENDOCS_BASE_URI if set, else https://api.endocs.cloud.</summary>
    [Parameter]
    public Uri? BaseUri { get; set; }

    /// <summary>Client-side rate for this key, shared by every runspace in the process.</summary>
    [Parameter]
    [ValidateRange(1, 6000)]
    public int RequestsPerMinute { get; set; } = EnDocsConnection.DefaultRequestsPerMinute;

    [Parameter]
    [ValidateRange(1, 20)]
    public int MaxAttempts { get; set; } = RetryOptions.Default.MaxAttempts;

    [Parameter]
    public TimeSpan RetryBudget { get; set; } = RetryOptions.Default.Budget;

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        EnDocsConnection connection;
        try
        {
            var retry = RetryOptions.Default.With(MaxAttempts, RetryBudget);
            var baseUri = BaseUri ?? EnDocsConnection.BaseUriFromEnvironment();
            connection = EnDocsConnection.Create(Secret.FromSecureString(Token), baseUri, "Connect-EnDocs", retry, RequestsPerMinute);
        }
        catch (Exception error) when (error is ApiException or ArgumentException)
        {
            ThrowTerminatingError(new ErrorRecord(error, "EnDocs.Configuration", ErrorCategory.InvalidArgument, BaseUri));
            return;
        }
        ConnectionStore.Current.EnDocs = connection;
        WriteVerbose($"Connected: {connection}.");
        if (PassThru) WriteObject(connection);
    }
}
