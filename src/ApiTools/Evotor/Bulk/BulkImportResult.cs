namespace ApiTools.Evotor.Bulk;

/// <summary>
/// What became of one input row, in input order: <c>Ok</c> (the server confirmed it), <c>Failed</c>
/// (the server refused it), <c>Invalid</c> (it never left the client). Flat, so
/// <c>Where-Object Status -ne 'Ok' | Export-Csv errors.csv</c> gives a fix-and-retry file.
/// </summary>
public sealed class BulkImportResult
{
    public const string Ok = "Ok";
    public const string Failed = "Failed";
    public const string Invalid = "Invalid";

    /// <summary>The row's position in the input, from 1 (a CSV's data row number).</summary>
    public long Row { get; set; }

    public string? Id { get; set; }
    public string? Name { get; set; }
    public string Status { get; set; } = "";
    public string? ErrorCode { get; set; }
    public string? Message { get; set; }
    public ViolationList Violations { get; set; } = new();
    public string? TaskId { get; set; }

    public override string ToString() => $"{Row}: {Status} {Name ?? Id}";
}
