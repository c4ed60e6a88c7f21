namespace ApiTools.EnDocs;

/// <summary>Which id a document's files are asked for by, and so which file endpoint answers.</summary>
public enum EnDocsFileKind
{
    /// <summary>A document's or contract's Ext_ID (any text): <c>File/GetFileByExtIntId/{id}/ExtID</c>.</summary>
    ExtID,

    /// <summary>A non-form document's id: <c>File/GetFileByExtIntId/{id}/NonFormID</c>.</summary>
    NonFormID,

    /// <summary>A document's (Metadata) id: <c>File/GetMetaFileById/{id}</c>.</summary>
    MetaID,

    /// <summary>A contract's id: <c>File/GetContractFileById/{id}</c>.</summary>
    ContractID,

    /// <summary><c>File/GetFileByExtId/{id}</c>: a number is tried as a non-form document's id first, then any id as a
    /// document's, then a contract's Ext_ID.</summary>
    Any,
}
