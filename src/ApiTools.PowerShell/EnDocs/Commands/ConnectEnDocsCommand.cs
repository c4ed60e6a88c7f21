using System.Security;

namespace ApiTools.PowerShell.EnDocs.Commands;

/// <summary>Connect-EnDocs: makes the runspace's default EnDocs connection after one cheap call (GetClientInfo) proves the
/// token and the base URI; a bad one fails here, as EnDocs.Unauthorized naming the base URI.</summary>
[Cmdlet(VerbsCommunications.Connect, "EnDocs")]
[OutputType(typeof(EnDocsConnection))]
public sealed class ConnectEnDocsCommand : ConnectCmdlet<EnDocsConnection, EnDocsClient>
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

    private protected override ServiceKit<EnDocsConnection, EnDocsClient> Kit => EnDocsKit.Instance;

    private protected override Task CheckAsync(EnDocsClient client, CancellationToken cancellationToken) =>
        client.GetClientInfoAsync(cancellationToken);

    protected override EnDocsConnection Create(RetryOptions retry) =>
        EnDocsConnection.Create(Secret.FromSecureString(Token), BaseUri ?? EnDocsConnection.BaseUriFromEnvironment(), "Connect-EnDocs", retry, RequestsPerMinute);

    private protected override string PaceParameter => nameof(RequestsPerMinute);
}
