namespace ApiTools.PowerShell.EnDocs;

/// <summary>Base of every cmdlet that calls EnDocs (connection resolution in <see cref="ServiceCmdlet{TConnection,TClient}"/>).</summary>
public abstract class EnDocsCmdlet : ServiceCmdlet<EnDocsConnection, EnDocsClient>
{
    private protected override ServiceKit<EnDocsConnection, EnDocsClient> Kit => EnDocsKit.Instance;
}
