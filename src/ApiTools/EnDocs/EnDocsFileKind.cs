namespace ApiTools.EnDocs;

/// <summary>Which id <c>/File/GetFileByExtIntId/{id}/{settname}</c> is given (the contract's settname).</summary>
public enum EnDocsFileKind
{
    ExtID,
    NonFormID,
    MetaID,
    ContractID,
}
