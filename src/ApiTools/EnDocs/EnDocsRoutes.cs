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

    public static string Files(long id, EnDocsFileKind kind) =>
        $"File/GetFileByExtIntId/{id.ToString(CultureInfo.InvariantCulture)}/{kind}";
}
