namespace ApiTools.Input;

/// <summary>Streams a CSV file's data rows as input fields (see <see cref="CsvFile"/>, which also names each row's origin
/// and records its problems as violations).</summary>
public static class CsvRows
{
    public static IEnumerable<InputFields> Read(string path, string delimiter = ",")
    {
        using var file = CsvFile.Open(path, delimiter.Length == 1 ? delimiter[0] : ',');
        foreach (var row in file.Rows()) yield return row;
    }
}
