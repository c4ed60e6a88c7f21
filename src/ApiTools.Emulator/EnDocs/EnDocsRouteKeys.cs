namespace ApiTools.Emulator;

/// <summary>
/// Route keys of the EnDocs endpoints, as <see cref="RequestCounter"/>, /_emulator/requests, fault rules and
/// <see cref="EnDocsSeed.AppliedWrites"/> name them. Both prefixes (<c>/endocs</c> and <c>/endocs/api</c>)
/// count under the same key, which is written without <c>/api</c>.
/// </summary>
public static class EnDocsRouteKeys
{
    /// <summary>GET /endocs/Output/GetClientInfo.</summary>
    public const string ClientInfo = "GET /endocs/Output/GetClientInfo";

    /// <summary>GET /endocs/Output/GetClientUsers.</summary>
    public const string ClientUsers = "GET /endocs/Output/GetClientUsers";

    /// <summary>GET /endocs/Output/GetNewContracts/{docId}/{requestId}.</summary>
    public const string NewContracts = "GET /endocs/Output/GetNewContracts/{docId}/{requestId}";

    /// <summary>GET /endocs/Output/GetNewInvoices/{docId}/{requestId}.</summary>
    public const string NewInvoices = "GET /endocs/Output/GetNewInvoices/{docId}/{requestId}";

    /// <summary>GET /endocs/Output/GetNewInputs/{docId}/{requestId}.</summary>
    public const string NewInputs = "GET /endocs/Output/GetNewInputs/{docId}/{requestId}";

    /// <summary>GET /endocs/Output/GetNonFormDoc/{docId}/{requestId}.</summary>
    public const string NonFormDocs = "GET /endocs/Output/GetNonFormDoc/{docId}/{requestId}";

    /// <summary>GET /endocs/File/GetFileByExtIntId/{id}/{settname}.</summary>
    public const string FileByExtIntId = "GET /endocs/File/GetFileByExtIntId/{id}/{settname}";

    /// <summary>GET /endocs/File/GetMetaFileById/{id}.</summary>
    public const string MetaFileById = "GET /endocs/File/GetMetaFileById/{id}";

    /// <summary>GET /endocs/File/GetContractFileById/{id}.</summary>
    public const string ContractFileById = "GET /endocs/File/GetContractFileById/{id}";

    /// <summary>GET /endocs/File/GetFileByExtId/{id}.</summary>
    public const string FileByExtId = "GET /endocs/File/GetFileByExtId/{id}";

    /// <summary>POST /endocs/Dictionaries/AddOrUpdateContractor.</summary>
    public const string AddOrUpdateContractor = "POST /endocs/Dictionaries/AddOrUpdateContractor";

    /// <summary>POST /endocs/Dictionaries/AddOrUpdateDepartment.</summary>
    public const string AddOrUpdateDepartment = "POST /endocs/Dictionaries/AddOrUpdateDepartment";

    /// <summary>POST /endocs/Dictionaries/AddOrUpdateEmployee.</summary>
    public const string AddOrUpdateEmployee = "POST /endocs/Dictionaries/AddOrUpdateEmployee";

    /// <summary>POST /endocs/Metadata/AddOrUpdateExtDoc (body inferred).</summary>
    public const string AddOrUpdateExtDoc = "POST /endocs/Metadata/AddOrUpdateExtDoc";

    /// <summary>POST /endocs/Metadata/AddOrUpdateLocalDoc (body inferred).</summary>
    public const string AddOrUpdateLocalDoc = "POST /endocs/Metadata/AddOrUpdateLocalDoc";

    /// <summary>POST /endocs/Contract/AddOrUpdateContract.</summary>
    public const string AddOrUpdateContract = "POST /endocs/Contract/AddOrUpdateContract";

    /// <summary>POST /endocs/Metadata/AddOrUpdateNonFormDoc (files as base64, at most 20 MB decoded in all).</summary>
    public const string AddOrUpdateNonFormDoc = "POST /endocs/Metadata/AddOrUpdateNonFormDoc";

    /// <summary>POST /endocs/Metadata/DocApproval.</summary>
    public const string DocApproval = "POST /endocs/Metadata/DocApproval";

    /// <summary>Any other path under /endocs (answered 404).</summary>
    public const string Unknown = "/endocs/{**path}";

    /// <summary>The list route of a document kind.</summary>
    public static string ListOf(EnDocsDocumentKind kind) => kind switch
    {
        EnDocsDocumentKind.Contract => NewContracts,
        EnDocsDocumentKind.Invoice => NewInvoices,
        EnDocsDocumentKind.Input => NewInputs,
        EnDocsDocumentKind.NonForm => NonFormDocs,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
