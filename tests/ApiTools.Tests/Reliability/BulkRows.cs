using System.Globalization;
using ApiTools.Emulator;
using ApiTools.Evotor.Bulk;
using ApiTools.Input;

namespace ApiTools.Tests.Reliability;

/// <summary>
/// 20,000 product rows as Import-Csv gives them (text, ru-RU decimals), every 500th deliberately invalid,
/// and the whole-state comparison of what the emulator stored with them. <c>Code</c> carries the row number
/// on every row, valid or not, so a stored product always says which row it came from.
/// </summary>
internal static class BulkRows
{
    public const int Count = 20_000;
    public const int BadEvery = 500;

    private static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");

    public static bool IsValid(int row) => row % BadEvery != 0;

    public const int ValidCount = Count - Count / BadEvery;

    public static IEnumerable<InputFields> Read() => Enumerable.Range(1, Count).Select(i => new InputFields(Fields(i)));

    private static Dictionary<string, object?> Fields(int i)
    {
        var f = new Dictionary<string, object?>
        {
            ["Name"] = Name(i),
            ["Code"] = i.ToString(CultureInfo.InvariantCulture),
            ["ArticleNumber"] = $"A-{i:00000}",
            ["Price"] = Price(i).ToString(Ru),
            ["MeasureName"] = MeasureName(i),
            ["Tax"] = Tax(i),
            ["AllowToSell"] = AllowToSell(i) ? "True" : "False",
            ["Type"] = "NORMAL",
            ["Barcodes"] = $"{Barcode1(i)};{Barcode2(i)}",
        };
        if (CostPrice(i) is decimal cost) f["CostPrice"] = cost.ToString(Ru);
        if (Description(i) is string text) f["Description"] = text;
        if (!IsValid(i))
        {
            // Three ways a row is refused before it leaves the client.
            switch (i / BadEvery % 3)
            {
                case 0: f["Price"] = "12 345,6"; break; // a thousands separator
                case 1: f["Name"] = new string('Я', 129); break;
                default: f["ArticleNumber"] = new string('7', 21); break;
            }
        }
        return f;
    }

    private static string Name(int i) => $"Товар №{i}, \"тест\"";
    private static decimal Price(int i) => i % 997 + 0.25m;
    private static decimal? CostPrice(int i) => i % 4 == 0 ? i % 991 + 0.1m : null;
    private static string MeasureName(int i) => i % 3 == 0 ? "кг" : "шт";
    private static string Tax(int i) => i % 2 == 0 ? "VAT_18" : "NO_VAT";
    private static bool AllowToSell(int i) => i % 7 != 0;
    private static string? Description(int i) => i % 5 == 0 ? $"Описание {i}; с запятой, и \"кавычками\"" : null;
    private static string Barcode1(int i) => (4600000000000 + i).ToString(CultureInfo.InvariantCulture);
    private static string Barcode2(int i) => (4700000000000 + i).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Compares the store with the input: every valid row's product there exactly once and equal to its row,
    /// no invalid row's product there, nothing else there. Counts are by row (the product's Code), not by id,
    /// so a row stored twice under two ids would show.
    /// </summary>
    public static StoreCheck CompareStore(EmulatorServer server, string storeId)
    {
        var problems = new List<string>();
        var copies = new Dictionary<int, List<SeedProduct>>();
        foreach (var product in server.Evotor.ProductsOf(storeId))
        {
            if (!int.TryParse(product.Code, NumberStyles.None, CultureInfo.InvariantCulture, out var row) || row < 1 || row > Count)
            {
                problems.Add($"product {product.Id} ('{product.Name}', code '{product.Code}') matches no input row");
                continue;
            }
            if (!copies.TryGetValue(row, out var list)) copies[row] = list = new List<SeedProduct>();
            list.Add(product);
        }

        long once = 0, duplicated = 0;
        for (var i = 1; i <= Count; i++)
        {
            copies.TryGetValue(i, out var found);
            var n = found?.Count ?? 0;
            if (!IsValid(i))
            {
                if (n > 0) problems.Add($"row {i} is invalid but reached the server ({n} product(s))");
                continue;
            }
            if (n == 0) { problems.Add($"row {i} is missing"); continue; }
            if (n > 1) { duplicated += n - 1; problems.Add($"row {i} is stored {n} times ({string.Join(", ", found!.Select(p => p.Id))})"); }
            else once++;
            foreach (var difference in Differences(i, found![0])) problems.Add($"row {i}: {difference}");
        }
        return new StoreCheck(ValidCount, once, duplicated, problems);
    }

    private static IEnumerable<string> Differences(int i, SeedProduct p)
    {
        if (p.Name != Name(i)) yield return $"name '{p.Name}', expected '{Name(i)}'";
        if (p.Price != Price(i)) yield return $"price {p.Price}, expected {Price(i)}";
        if (p.CostPrice != CostPrice(i)) yield return $"cost price {p.CostPrice}, expected {CostPrice(i)}";
        if (p.MeasureName != MeasureName(i)) yield return $"measure '{p.MeasureName}', expected '{MeasureName(i)}'";
        if (p.Tax != Tax(i)) yield return $"tax {p.Tax}, expected {Tax(i)}";
        if (p.AllowToSell != AllowToSell(i)) yield return $"allow_to_sell {p.AllowToSell}, expected {AllowToSell(i)}";
        if (p.Type != "NORMAL") yield return $"type {p.Type}, expected NORMAL";
        if (p.ArticleNumber != $"A-{i:00000}") yield return $"article '{p.ArticleNumber}', expected 'A-{i:00000}'";
        if (p.Description != Description(i)) yield return $"description '{p.Description}', expected '{Description(i)}'";
        if (p.Barcodes is not [var b1, var b2] || b1 != Barcode1(i) || b2 != Barcode2(i))
            yield return $"barcodes '{string.Join(";", p.Barcodes ?? [])}', expected '{Barcode1(i)};{Barcode2(i)}'";
    }

    /// <summary>
    /// The final run's results: one per row in input order; valid rows Ok; invalid rows Invalid, never sent,
    /// with a message that names the row.
    /// </summary>
    public static List<string> CheckResults(IReadOnlyList<BulkImportResult> results)
    {
        var problems = new List<string>();
        if (!results.Select(r => r.Row).SequenceEqual(Enumerable.Range(1, Count).Select(i => (long)i)))
        {
            problems.Add($"results are not one per row in order: {results.Count} results, " +
                         $"{results.Select(r => r.Row).Distinct().Count()} distinct rows, first out of place at index " +
                         $"{Enumerable.Range(0, results.Count).FirstOrDefault(k => results[k].Row != k + 1)}");
            return problems;
        }
        foreach (var r in results)
        {
            var row = (int)r.Row;
            if (IsValid(row) && r.Status != BulkImportResult.Ok)
                problems.Add($"row {row}: {r.Status} {r.ErrorCode} {r.Message}");
            if (!IsValid(row) && (r.Status != BulkImportResult.Invalid || r.TaskId is not null || r.Message?.Contains($"Row {row} (") != true))
                problems.Add($"invalid row {row}: status {r.Status}, task {r.TaskId}, message '{r.Message}' (expected Invalid, no task, a message naming row {row})");
        }
        return problems;
    }
}

internal sealed record StoreCheck(long Expected, long ReceivedOnce, long Duplicated, List<string> Problems);
