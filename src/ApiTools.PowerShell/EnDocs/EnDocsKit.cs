using ApiTools.EnDocs;
using ApiTools.Http;

namespace ApiTools.PowerShell.EnDocs;

/// <summary>EnDocs for the shared cmdlet bases: ENDOCS_TOKEN (and ENDOCS_BASE_URI) describe a connection.</summary>
internal sealed class EnDocsKit : ServiceKit<EnDocsConnection, EnDocsClient>
{
    public static EnDocsKit Instance { get; } = new();

    public override string Service => EnDocsClient.ServiceName;

    public override IReadOnlyList<string> EnvironmentVariables { get; } = new[] { EnDocsConnection.TokenVariable, EnDocsConnection.BaseUriVariable };

    public override EnDocsConnection? FromEnvironment() => EnDocsConnection.FromEnvironment();

    public override string NoConnectionHint =>
        $"No EnDocs connection. Run Connect-EnDocs -Token <token>, pass -Connection, or set the {EnDocsConnection.TokenVariable} environment variable.";

    public override EnDocsClient NewClient(EnDocsConnection connection, IApiObserver observer) => new(connection, observer);
}
