namespace ApiTools.PowerShell.EnDocs.Commands;

/// <summary>Get-EnDocsUser: the users of the account, streamed.</summary>
[Cmdlet(VerbsCommon.Get, "EnDocsUser")]
[OutputType(typeof(EnDocsUser))]
public sealed class GetEnDocsUserCommand : EnDocsCmdlet
{
    protected override void ProcessRecord() => WriteStream(Client.GetUsersAsync(StopToken));
}
