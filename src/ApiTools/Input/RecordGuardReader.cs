using System.IO;

namespace ApiTools.Input;

/// <summary>
/// Hands a CSV file's characters to the parser while following its records itself (RFC 4180: quotes, doubled quotes,
/// line breaks inside quotes), so a record longer than a limit is refused before the parser has buffered it: the parser
/// holds a whole record in memory, and a 1 GB line would cost gigabytes or overflow. The refused record is passed over to
/// its end without being kept, and <see cref="RecordTooLongException"/> says which lines it took; the next record can then
/// be read by a new parser from here.
/// </summary>
internal sealed class RecordGuardReader : TextReader
{
    private readonly TextReader _inner;
    private readonly char _delimiter;
    private readonly long _maxRecordChars;
    private readonly char[] _block = new char[64 * 1024];
    private int _at;
    private int _length;
    private CsvQuotes _quotes;
    private long _recordChars;
    private long _recordFirstLine = 1;
    private bool _afterCarriageReturn;

    public RecordGuardReader(TextReader inner, char delimiter, long maxRecordChars)
    {
        _inner = inner;
        _delimiter = delimiter;
        _maxRecordChars = maxRecordChars;
    }

    /// <summary>Line breaks passed so far, whether handed out or passed over.</summary>
    public long LinesPassed { get; private set; }

    public override int Peek() => _at < _length || Fill() ? _block[_at] : -1;

    public override int Read()
    {
        var one = new char[1];
        return Read(one, 0, 1) == 0 ? -1 : one[0];
    }

    /// <summary>Hands out characters, never taking a record past the limit. A record at the limit with more to come is
    /// refused on a call of its own: the parser asks again only once it has used everything handed out, so every record
    /// before this one has been read whole by then.</summary>
    public override int Read(char[] buffer, int index, int count)
    {
        var n = 0;
        while (n < count && (_at < _length || Fill()))
        {
            var c = _block[_at];
            if (_recordChars >= _maxRecordChars && !EndsRecord(c))
            {
                if (n > 0) break;
                var first = _recordFirstLine;
                var ended = PassOver();
                throw new RecordTooLongException(first, ended ? LinesPassed : LinesPassed + 1, _maxRecordChars);
            }
            buffer[index + n++] = c;
            _at++;
            Track(c);
        }
        return n;
    }

    /// <summary>True where <paramref name="c"/>, coming next, would end the current record.</summary>
    private bool EndsRecord(char c) => c is '\r' or '\n' && !_quotes.InQuotes;

    private bool Fill()
    {
        _length = _inner.Read(_block, 0, _block.Length);
        _at = 0;
        return _length > 0;
    }

    /// <summary>Reads on to the end of the current record, keeping nothing; true when a line break ended it (false: the file did).</summary>
    private bool PassOver()
    {
        while (_at < _length || Fill())
        {
            var c = _block[_at++];
            if (Track(c)) continue;
            if (c == '\r' && (_at < _length || Fill()) && _block[_at] == '\n')
            {
                _at++; // the rest of the CRLF, so the next parser does not start with an empty line
                _afterCarriageReturn = false;
            }
            return true;
        }
        return false;
    }

    /// <summary>Follows one character; false when it ended a record (the count starts again).</summary>
    private bool Track(char c)
    {
        if (c == '\r' || (c == '\n' && !_afterCarriageReturn)) LinesPassed++;
        _afterCarriageReturn = c == '\r';
        if (_quotes.Next(c, _delimiter) == CsvQuotes.Step.RecordEnd)
        {
            _recordChars = 0;
            _recordFirstLine = LinesPassed + 1;
            return false;
        }
        _recordChars++;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>A CSV record longer than the reader takes; it was passed over unread.</summary>
internal sealed class RecordTooLongException : IOException
{
    public RecordTooLongException(long firstLine, long lastLine, long limit)
        : base($"A CSV record (lines {firstLine}-{lastLine}) is longer than {limit:N0} characters.")
    {
        FirstLine = firstLine;
        LastLine = lastLine;
        Limit = limit;
    }

    public long FirstLine { get; }
    public long LastLine { get; }
    public long Limit { get; }
}
