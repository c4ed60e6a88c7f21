using System.Globalization;

namespace ApiTools.EnDocs;

/// <summary>Every EnDocs path in one place, relative to the connection's base URI (which carries any <c>/api</c> prefix).</summary>
internal static class EnDocsRoutes
{
    public const string ClientInfo = "Output/GetClientInfo";
    public const string ClientUsers = "Output/GetClientUsers";
    public const string AddOrUpdateContractor = "Dictionaries/AddOrUpdateContractor";
    public const string AddOrUpdateDepartment = "Dictionaries/AddOrUpdateDepartment";
    public const string AddOrUpdateEmployee = "Dictionaries/AddOrUpdateEmployee";
    public const string AddOrUpdateContract = "Contract/AddOrUpdateContract";
    public const string AddOrUpdateNonFormDoc = "Metadata/AddOrUpdateNonFormDoc";
    public const string AddOrUpdateExtDoc = "Metadata/AddOrUpdateExtDoc";
    public const string AddOrUpdateLocalDoc = "Metadata/AddOrUpdateLocalDoc";
    public const string DocApproval = "Metadata/DocApproval";

    public static string List(EnDocsDocumentType type, long afterId, Guid requestId)
    {
        var action = type switch
        {
            EnDocsDocumentType.Contract => "GetNewContracts",
            EnDocsDocumentType.Invoice => "GetNewInvoices",
            EnDocsDocumentType.Input => "GetNewInputs",
            EnDocsDocumentType.NonForm => "GetNonFormDoc",
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown EnDocs document type."),
        };
        return $"Output/{action}/{afterId.ToString(CultureInfo.InvariantCulture)}/{requestId:D}";
    }

    /// <summary>The file endpoint for a kind of id: ExtID and NonFormID through GetFileByExtIntId, MetaID and ContractID
    /// through their own routes, Any through GetFileByExtId. The id is escaped: an ext id is any text.</summary>
    public static string Files(string id, EnDocsFileKind kind)
    {
        var escaped = Uri.EscapeDataString(id);
        return kind switch
        {
            EnDocsFileKind.MetaID => $"File/GetMetaFileById/{escaped}",
            EnDocsFileKind.ContractID => $"File/GetContractFileById/{escaped}",
            EnDocsFileKind.Any => $"File/GetFileByExtId/{escaped}",
            _ => $"File/GetFileByExtIntId/{escaped}/{kind}",
        };
    }
}
