namespace ApiTools.PowerShell.EnDocs.Commands;

/// <summary>Get-EnDocsConnection: the EnDocs connection in effect here and where it came from (-Connection, Connect-EnDocs or the
/// environment), never a secret.</summary>
[Cmdlet(VerbsCommon.Get, "EnDocsConnection")]
[OutputType(typeof(EnDocsConnection))]
public sealed class GetEnDocsConnectionCommand : GetConnectionCmdlet<EnDocsConnection, EnDocsClient>
{
    private protected override ServiceKit<EnDocsConnection, EnDocsClient> Kit => EnDocsKit.Instance;
}
