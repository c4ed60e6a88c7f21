using System.Globalization;
using System.Text;
using ApiTools.Evotor;
using ApiTools.Evotor.Models;
using ApiTools.Paging;

namespace ApiTools.Benchmarks.Support;

/// <summary>
/// Writes a store's products as <c>Get-EvotorProduct | Export-Csv</c> would (PowerShell 7: every field quoted,
/// lists as a;b;c, decimals invariant), streamed through the client library, so the import rows read real data.
/// </summary>
public static class ProductCsv
{
    private static readonly string[] Columns =
    [
        "Id", "StoreId", "ParentId", "Name", "Type", "MeasureName", "Tax", "AllowToSell", "Price", "CostPrice", "Quantity",
        "Description", "ArticleNumber", "Code", "Barcodes", "AlcoCodes", "AlcoholByVolume", "AlcoholProductKindCode",
        "TareVolume", "AttributesChoices", "UserId", "CreatedAt", "UpdatedAt",
    ];

    public static async Task<long> ExportAsync(EvotorClient client, string storeId, long count, string path, CancellationToken cancellationToken)
    {
        long written = 0;
        await using var file = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
        await file.WriteLineAsync(string.Join(",", Columns.Select(Quote)));
        var line = new StringBuilder(512);
        await foreach (var p in client.GetProductsAsync(storeId, null, new PageRange(0, count), cancellationToken))
        {
            line.Clear();
            object?[] values =
            [
                p.Id, p.StoreId, p.ParentId, p.Name, p.Type, p.MeasureName, p.Tax, p.AllowToSell, p.Price, p.CostPrice, p.Quantity,
                p.Description, p.ArticleNumber, p.Code, p.Barcodes, p.AlcoCodes, p.AlcoholByVolume, p.AlcoholProductKindCode,
                p.TareVolume, p.AttributesChoices, p.UserId, p.CreatedAt, p.UpdatedAt,
            ];
            for (var i = 0; i < values.Length; i++)
            {
                if (i > 0) line.Append(',');
                line.Append(Quote(Text(values[i])));
            }
            await file.WriteLineAsync(line.ToString());
            written++;
        }
        return written;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        bool b => b ? "True" : "False",
        DateTimeOffset d => d.ToString("o", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";
}
