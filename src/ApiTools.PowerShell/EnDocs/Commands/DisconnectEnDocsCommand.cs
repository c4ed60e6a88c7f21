namespace ApiTools.PowerShell.EnDocs.Commands;

/// <summary>Disconnect-EnDocs: forgets the runspace's default EnDocs connection (ENDOCS_TOKEN still serves if set).</summary>
[Cmdlet(VerbsCommunications.Disconnect, "EnDocs")]
[OutputType(typeof(void))]
public sealed class DisconnectEnDocsCommand : DisconnectCmdlet<EnDocsConnection>
{
    protected override string Service => EnDocsClient.ServiceName;
}
