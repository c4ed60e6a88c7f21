using ApiTools.EnDocs;

namespace ApiTools.PowerShell.EnDocs;

/// <summary>EnDocs for the shared cmdlet bases: ENDOCS_TOKEN (and ENDOCS_BASE_URI) describe a connection.</summary>
internal static class EnDocsKit
{
    public static ServiceKit<EnDocsConnection, EnDocsClient> Instance { get; } = new(
        EnDocsClient.ServiceName,
        new[] { EnDocsConnection.TokenVariable, EnDocsConnection.BaseUriVariable },
        () => EnDocsConnection.FromEnvironment(),
        $"No EnDocs connection. Run Connect-EnDocs -Token <token>, pass -Connection, or set the {EnDocsConnection.TokenVariable} environment variable.",
        (connection, observer) => new EnDocsClient(connection, observer));
}
