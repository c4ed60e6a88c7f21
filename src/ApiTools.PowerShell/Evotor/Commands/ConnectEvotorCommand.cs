using System.Security;

namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Connect-Evotor: makes the runspace's default Evotor connection after one cheap call (one store) proves the
/// token and the base URI; a bad one fails here, as Evotor.Unauthorized naming the base URI.</summary>
[Cmdlet(VerbsCommunications.Connect, "Evotor")]
[OutputType(typeof(EvotorConnection))]
public sealed class ConnectEvotorCommand : ConnectCmdlet<EvotorConnection, EvotorClient>
{
    /// <summary>The Evotor cloud token; a SecureString, or a plain string.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [SecureStringTransformation]
    [ValidateNotNull]
    public SecureString Token { get; set; } = null!;

    private protected override ServiceKit<EvotorConnection, EvotorClient> Kit => EvotorKit.Instance;

    // One page of one store: the cheapest read Evotor has.
    private protected override async Task CheckAsync(EvotorClient client, CancellationToken cancellationToken)
    {
        await foreach (var _ in client.GetStoresAsync(new PageRange(0, 1), cancellationToken).ConfigureAwait(false)) break;
    }

    // Without -BaseUri, EVOTOR_BASE_URI still decides where to go, as it does without Connect-Evotor.
    protected override EvotorConnection Create(RetryOptions retry) =>
        EvotorConnection.Create(Secret.FromSecureString(Token), BaseUri ?? EvotorConnection.BaseUriFromEnvironment(), "Connect-Evotor", retry);
}
