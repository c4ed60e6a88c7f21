namespace ApiTools.PowerShell.EnDocs;

/// <summary>EnDocs for the shared cmdlet bases: ENDOCS_TOKEN (and ENDOCS_BASE_URI) describe a connection.</summary>
internal static class EnDocsKit
{
    public static ServiceKit<EnDocsConnection, EnDocsClient> Instance { get; } = ServiceKit<EnDocsConnection, EnDocsClient>.ForToken(
        EnDocsClient.ServiceName, EnDocsConnection.TokenVariable, EnDocsConnection.BaseUriVariable,
        () => EnDocsConnection.FromEnvironment(), (connection, observer) => new EnDocsClient(connection, observer));
}
