using System.Security;
using ApiTools.EnDocs;
using ApiTools.Http;

namespace ApiTools.PowerShell.EnDocs.Commands;

/// <summary>Connect-EnDocs: makes the runspace's default EnDocs connection. Nothing is sent until a
/// cmdlet calls EnDocs, so a bad token shows up on the first call as EnDocs.Unauthorized.</summary>
[Cmdlet(VerbsCommunications.Connect, "EnDocs")]
[OutputType(typeof(EnDocsConnection))]
public sealed class ConnectEnDocsCommand : ConnectCmdlet<EnDocsConnection>
{
    /// <summary>The EnDocs API token from the account's 1C settings; a SecureString, or a plain string.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [SecureStringTransformation]
    [ValidateNotNull]
    public SecureString Token { get; set; } = null!;

    /// <summary>Client-side rate for this key, shared by every runspace in the process.</summary>
    [Parameter]
    [ValidateRange(1, 6000)]
    public int RequestsPerMinute { get; set; } = EnDocsConnection.DefaultRequestsPerMinute;

    protected override string Service => EnDocsClient.ServiceName;

    protected override EnDocsConnection Create(RetryOptions retry) =>
        EnDocsConnection.Create(Secret.FromSecureString(Token), BaseUri ?? EnDocsConnection.BaseUriFromEnvironment(), "Connect-EnDocs", retry, RequestsPerMinute);

    private protected override string PaceParameter => nameof(RequestsPerMinute);
}
