using ApiTools.Evotor.Input;
using ApiTools.Input;

namespace ApiTools.Evotor.Bulk;

/// <summary>A CSV file (as Export-Csv writes products or groups) as a bulk import's source: opened, its header
/// checked for the columns every item of the kind needs before any row is read, then read a row at a time.</summary>
public static class BulkCsv
{
    /// <summary>Throws <see cref="CsvFileException"/> for a file no row of can be imported (no header, a missing column),
    /// <see cref="System.IO.FileNotFoundException"/> or another <see cref="System.IO.IOException"/> for one that cannot be read.</summary>
    /// <param name="encoding">The file's encoding; null: UTF-8, checked first (see <see cref="CsvFile.Open"/>).</param>
    public static CsvFile Open(string path, char delimiter, BulkKind kind, System.Text.Encoding? encoding = null)
    {
        var csv = CsvFile.Open(path, delimiter, encoding: encoding);
        try
        {
            csv.RequireColumns(RequiredFields(kind), kind == BulkKind.Product ? "product" : "product group");
            return csv;
        }
        catch
        {
            csv.Dispose();
            throw;
        }
    }

    /// <summary>The columns and keys an item of the kind may carry, to warn once about each one that no field has.</summary>
    public static UnknownFields NewUnknownFields(BulkKind kind) =>
        kind == BulkKind.Product ? ProductInput.NewUnknownFields() : ProductGroupInput.NewUnknownFields();

    private static IReadOnlyList<string> RequiredFields(BulkKind kind) =>
        kind == BulkKind.Product ? ProductInput.RequiredFields : ProductGroupInput.RequiredFields;
}
