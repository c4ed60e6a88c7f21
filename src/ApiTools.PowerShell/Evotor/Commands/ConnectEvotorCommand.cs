using System.Security;
using ApiTools.Evotor;
using ApiTools.Http;

namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Connect-Evotor: makes the runspace's default Evotor connection. Nothing is sent until a
/// cmdlet calls Evotor, so a bad token shows up on the first call as Evotor.Unauthorized.</summary>
[Cmdlet(VerbsCommunications.Connect, "Evotor")]
[OutputType(typeof(EvotorConnection))]
public sealed class ConnectEvotorCommand : ConnectCmdlet<EvotorConnection>
{
    /// <summary>The Evotor cloud token; a SecureString, or a plain string.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [SecureStringTransformation]
    [ValidateNotNull]
    public SecureString Token { get; set; } = null!;

    protected override string Service => EvotorClient.ServiceName;

    // Without -BaseUri, EVOTOR_BASE_URI still decides where to go, as it does without Connect-Evotor.
    protected override EvotorConnection Create(RetryOptions retry) =>
        EvotorConnection.Create(Secret.FromSecureString(Token), BaseUri ?? EvotorConnection.BaseUriFromEnvironment(), "Connect-Evotor", retry);
}
