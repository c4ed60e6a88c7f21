using System.Globalization;
using System.IO;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace ApiTools.Input;

/// <summary>
/// A CSV file (as Export-Csv writes it) read as a stream, one row at a time as input fields with the header's
/// names, so a million rows never sit in memory. Problems of the whole file (no header, a column named twice, bytes
/// that are not in its encoding) throw <see cref="CsvFileException"/> on <see cref="Open"/>, before any row is read. Problems
/// of one row (a value count that does not match the header, a stray or unclosed quote) are
/// recorded as violations on that row, named by field, and the next rows still come: each row knows where it
/// came from (<see cref="InputFields.Origin"/>: the file name and its line, as an editor counts lines).
/// Rows are numbered as data rows (the first row after the header is 1), as Import-Csv counts them; blank
/// lines are skipped, as Import-Csv skips them. Empty cells read as absent.
/// </summary>
public sealed class CsvFile : IDisposable
{
    private readonly StreamReader _reader;
    private readonly RecordGuardReader _guard;
    private readonly CsvConfiguration _config;
    private CsvReader _csv;
    private long _lineOffset; // lines before the current parser's first (a new parser starts after a refused record)
    private readonly List<(string Value, string Reason)> _rowProblems = new();

    /// <summary>The longest record read, in characters: twice what one bulk request may carry (10,000,000 bytes), so no
    /// row that could be sent is refused, while a runaway line is refused long before it fills memory.</summary>
    public const long MaxRecordChars = 20_000_000;

    private CsvFile(string path, string delimiter, long maxRecordChars, Encoding encoding)
    {
        FullPath = path;
        Name = System.IO.Path.GetFileName(path);
        _reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true);
        _guard = new RecordGuardReader(_reader, delimiter[0], maxRecordChars);
        _config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            DetectColumnCountChanges = false,
            MissingFieldFound = null,
            BadDataFound = args => _rowProblems.Add((args.Field, "has a quote inside a value that is not quoted: quote the whole value and double each quote in it (\"a \"\"b\"\" c\")")),
            TrimOptions = TrimOptions.None,
        };
        _csv = new CsvReader(_guard, _config, leaveOpen: true);
    }

    /// <summary>The file as given to <see cref="Open"/>.</summary>
    public string FullPath { get; }

    /// <summary>The file's name, as row messages give it.</summary>
    public string Name { get; }

    public char Delimiter { get; private set; }

    /// <summary>The column names of the first line, as written.</summary>
    public IReadOnlyList<string> Header { get; private set; } = Array.Empty<string>();

    /// <summary>Opens the file and reads its header. Throws <see cref="CsvFileException"/> when the file as a whole cannot be read
    /// as a CSV with a header; a missing file throws <see cref="FileNotFoundException"/>.</summary>
    /// <param name="encoding">The file's encoding; null: UTF-8, checked over the whole file before anything is read, so a
    /// file in another encoding (Excel's CSV under a Russian Windows: Windows-1251) is one error naming the line and the
    /// encoding to try, not an error on every row. A byte order mark wins over either.</param>
    public static CsvFile Open(string path, char delimiter = ',', long maxRecordChars = MaxRecordChars, Encoding? encoding = null)
    {
        if (encoding is null) Utf8Check.Require(path);
        var file = new CsvFile(path, delimiter.ToString(), maxRecordChars, encoding ?? new UTF8Encoding(false));
        try
        {
            file.Delimiter = delimiter;
            file.ReadHeader();
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private void ReadHeader()
    {
        try
        {
            ReadHeaderRecord();
        }
        catch (Exception e) when (TooLong(e) is { } tooLong)
        {
            throw new CsvFileException(FullPath,
                $"'{FullPath}' line 1 (the header) runs to line {tooLong.LastLine} and is longer than {tooLong.Limit:N0} characters; it cannot be a header, so nothing was read.");
        }
    }

    private void ReadHeaderRecord()
    {
        if (!_csv.Read() || !_csv.ReadHeader() || _csv.HeaderRecord is not { Length: > 0 } header || header.All(string.IsNullOrWhiteSpace))
            throw new CsvFileException(FullPath, $"'{FullPath}' has no header row: the first line must name the columns (as Export-Csv writes them).");
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in header)
        {
            if (string.IsNullOrWhiteSpace(column)) continue;
            var key = InputFields.Normalise(column);
            if (seen.TryGetValue(key, out var first))
                throw new CsvFileException(FullPath, first == column
                    ? $"'{FullPath}' line 1 names the column '{column}' twice; which value counts would be a guess, so nothing was read."
                    : $"'{FullPath}' line 1 names one column twice, as '{first}' and '{column}'; which value counts would be a guess, so nothing was read.");
            seen[key] = column;
        }
        Header = header;
    }

    /// <summary>Refuses a file that lacks a column every row needs, before any row is read (nothing would go); a header
    /// that is one column holding a delimiter gets a hint about -Delimiter.</summary>
    /// <param name="item">What a row is, e.g. "product".</param>
    public void RequireColumns(IReadOnlyList<string> columns, string item)
    {
        var header = new InputFields(Header.Select(h => new KeyValuePair<string, object?>(h, null)));
        var missing = columns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count == 0) return;
        var names = string.Join(", ", Header.Select(h => $"'{InputFields.Shorten(h, 30)}'"));
        var hint = Header.Count == 1 && Header[0].IndexOfAny(new[] { ';', ',', '\t' }) >= 0
            ? $" The header is one column: is the delimiter something other than '{Delimiter}'? Give it with -Delimiter (Export-Csv -UseCulture under ru-RU writes ';')."
            : "";
        throw new CsvFileException(FullPath,
            $"'{FullPath}' has no {string.Join(", ", missing)} column{(missing.Count == 1 ? "" : "s")}, which every {item} needs " +
            $"(line 1 names {names}), so nothing was imported.{hint}");
    }

    /// <summary>
    /// The data rows, in order. A row's problems come as violations on its fields (see the class summary); the caller
    /// refuses such a row and goes on with the next. An unclosed quote swallows the rest of the file into one value, so
    /// that row says where the quote opened and is the last.
    /// </summary>
    public IEnumerable<InputFields> Rows()
    {
        // One record of lookahead: only the record that ends the file can be an unclosed quote's.
        Pending? pending = null;
        var dataRow = 0L;
        while (true)
        {
            _rowProblems.Clear();
            bool more;
            RecordTooLongException? tooLong = null;
            try
            {
                more = _csv.Read();
            }
            catch (Exception e) when (TooLong(e) is { } refused)
            {
                // Passed over unread: the rows before it are whole, and a new parser goes on after it.
                tooLong = refused;
                more = true;
            }
            if (pending is not null) yield return Finish(pending, last: !more);
            if (!more) yield break;
            if (tooLong is not null)
            {
                pending = null;
                yield return TooLongRow(++dataRow, tooLong);
                _csv.Dispose();
                _csv = new CsvReader(_guard, new CsvConfiguration(CultureInfo.InvariantCulture)
                {
                    Delimiter = _config.Delimiter,
                    HasHeaderRecord = false,
                    DetectColumnCountChanges = false,
                    MissingFieldFound = null,
                    BadDataFound = _config.BadDataFound,
                    TrimOptions = TrimOptions.None,
                }, leaveOpen: true);
                _lineOffset = _guard.LinesPassed;
                continue;
            }
            pending = new Pending(++dataRow, _csv.Parser.Record ?? Array.Empty<string>(), _csv.Parser.RawRecord ?? "", _lineOffset + _csv.Parser.RawRow, _rowProblems.ToList());
        }
    }

    /// <summary>A row whose record was too long to read: its place and one violation, and nothing else said about it.</summary>
    private InputFields TooLongRow(long row, RecordTooLongException tooLong)
    {
        var fields = new InputFields(Array.Empty<KeyValuePair<string, object?>>())
        {
            Origin = tooLong.FirstLine == tooLong.LastLine ? $"{Name} line {tooLong.FirstLine}" : $"{Name} lines {tooLong.FirstLine}-{tooLong.LastLine}",
            Row = row,
        };
        fields.AddViolation("(row)",
            $"is longer than {tooLong.Limit:N0} characters, more than any row that could be sent (a bulk request carries at most 10,000,000 bytes), " +
            "so it was passed over unread; the rows after it are read");
        fields.Unread = true;
        return fields;
    }

    private static RecordTooLongException? TooLong(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is RecordTooLongException tooLong) return tooLong;
        return null;
    }

    private sealed record Pending(long Row, string[] Record, string Raw, long LastLine, List<(string Value, string Reason)> Problems);

    private InputFields Finish(Pending p, bool last)
    {
        var header = Header;
        var record = p.Record;
        var open = last ? OpenQuoteColumn(p.Raw) : -1;
        // The parser counts a line break inside an unclosed quote at the very end as the start of one more line.
        var lastLine = open >= 0 && p.Raw.Length > 0 && p.Raw[p.Raw.Length - 1] is '\n' or '\r' ? p.LastLine - 1 : p.LastLine;
        var firstLine = lastLine - LineBreaks(p.Raw);
        var values = new List<KeyValuePair<string, object?>>(header.Count);
        for (var i = 0; i < header.Count; i++)
            if (!string.IsNullOrWhiteSpace(header[i])) values.Add(new(header[i], i < record.Length ? record[i] : null));
        var row = new InputFields(values)
        {
            Origin = firstLine == lastLine ? $"{Name} line {firstLine}" : $"{Name} lines {firstLine}-{lastLine}",
            Row = p.Row,
        };

        if (open >= 0)
        {
            var field = open < header.Count ? header[open] : "(row)";
            row.AddViolation(field, $"opens a quote on line {firstLine} that is never closed, so the rest of the file (to line {lastLine}) was read as this one value: close the quote");
            return row;
        }
        if (record.Length != header.Count)
        {
            row.AddViolation("(row)", record.Length < header.Count
                ? $"has {record.Length} values but the header names {header.Count} columns ({string.Join(", ", header.Skip(record.Length))} got none): a delimiter is missing, or the row was cut"
                : $"has {record.Length} values but the header names {header.Count} columns (extra: {string.Join(", ", record.Skip(header.Count).Select(v => $"'{Short(v)}'"))}): " +
                  $"a value holding '{Delimiter}' (a decimal comma, a name) must be quoted");
        }
        foreach (var (value, reason) in p.Problems) row.AddViolation(FieldOf(record, value), reason);
        return row;
    }

    public void Dispose()
    {
        _csv.Dispose();
        _guard.Dispose();
    }

    /// <summary>The column of the value the parser complained about (it reports the value, not its place).</summary>
    private string FieldOf(string[] record, string value)
    {
        for (var i = 0; i < Math.Min(record.Length, Header.Count); i++)
            if (record[i] == value) return Header[i];
        return "(row)";
    }

    /// <summary>The column whose quoted value is still open at the end of the raw text, or -1.</summary>
    private int OpenQuoteColumn(string raw)
    {
        var quotes = new CsvQuotes();
        var column = 0;
        var openedIn = -1;
        foreach (var c in raw)
        {
            switch (quotes.Next(c, Delimiter))
            {
                case CsvQuotes.Step.QuoteOpened: openedIn = column; break;
                case CsvQuotes.Step.FieldEnd: column++; break;
                case CsvQuotes.Step.RecordEnd: column = 0; break;
            }
        }
        return quotes.InQuotes ? openedIn : -1;
    }

    private static int LineBreaks(string raw)
    {
        var text = raw.TrimEnd('\r', '\n');
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n') count++;
            else if (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')) count++;
        }
        return count;
    }

    private static string Short(string value) => value.Length <= 20 ? value : value.Substring(0, 20) + "…";
}
