namespace ApiTools.PowerShell.EnDocs.Commands;

/// <summary>Get-EnDocsClient: the account (client) the token belongs to.</summary>
[Cmdlet(VerbsCommon.Get, "EnDocsClient")]
[OutputType(typeof(EnDocsAccount))]
public sealed class GetEnDocsClientCommand : EnDocsCmdlet
{
    protected override void ProcessRecord() => ForItem(null, () => WriteObject(Await(ct => Client.GetClientInfoAsync(ct))));
}
