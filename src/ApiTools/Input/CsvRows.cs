using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace ApiTools.Input;

/// <summary>Streams a CSV file (as Export-Csv writes it) one row at a time as input fields, header names as
/// field names, so a million rows never sit in memory. Empty cells read as absent.</summary>
public static class CsvRows
{
    public static IEnumerable<InputFields> Read(string path, string delimiter = ",")
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            DetectColumnCountChanges = false,
            MissingFieldFound = null,
            BadDataFound = null,
            TrimOptions = TrimOptions.None,
        };
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader())
            throw new InvalidDataException($"'{path}' has no header row: the first line must name the columns (as Export-Csv writes them).");
        var header = csv.HeaderRecord ?? Array.Empty<string>();
        while (csv.Read())
        {
            var values = new List<KeyValuePair<string, object?>>(header.Length);
            for (var i = 0; i < header.Length; i++)
                values.Add(new KeyValuePair<string, object?>(header[i], csv.TryGetField<string>(i, out var v) ? v : null));
            yield return new InputFields(values);
        }
    }
}
