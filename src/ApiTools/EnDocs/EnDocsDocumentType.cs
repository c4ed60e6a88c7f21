namespace ApiTools.EnDocs;

/// <summary>The four "everything after id" lists EnDocs offers.</summary>
public enum EnDocsDocumentType
{
    /// <summary>Договоры (docTypeId 4): <c>GetNewContracts</c>.</summary>
    Contract,

    /// <summary>Incoming invoices, Счет входящий (docTypeId 14): <c>GetNewInvoices</c>.</summary>
    Invoice,

    /// <summary>Receipts of goods, Поступление (docTypeId 1): <c>GetNewInputs</c>.</summary>
    Input,

    /// <summary>Non-formalised documents, Необработанные (docTypeId 16): <c>GetNonFormDoc</c>.</summary>
    NonForm,
}
