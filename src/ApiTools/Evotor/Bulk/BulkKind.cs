namespace ApiTools.Evotor.Bulk;

/// <summary>What is imported.</summary>
public enum BulkKind
{
    Product,
    ProductGroup,
}
