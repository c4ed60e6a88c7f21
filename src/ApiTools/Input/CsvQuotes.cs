namespace ApiTools.Input;

/// <summary>
/// RFC 4180 walked one character at a time, as CsvHelper reads it: a quote at the start of a field opens a quoted value,
/// a doubled quote inside one stands for a quote, and a delimiter or line break only counts outside quotes. What the
/// reader follows to refuse a record before the parser holds it, and what finds the column of a quote never closed.
/// </summary>
internal struct CsvQuotes
{
    private const int FieldStart = 0, Unquoted = 1, Quoted = 2, QuoteInQuoted = 3;
    private int _state;

    /// <summary>What one character did.</summary>
    public enum Step
    {
        /// <summary>Part of a value (a quote in a quoted value included).</summary>
        Value,

        /// <summary>Opened a quoted value.</summary>
        QuoteOpened,

        /// <summary>A delimiter outside quotes: the next field starts.</summary>
        FieldEnd,

        /// <summary>A line break outside quotes: the record ends.</summary>
        RecordEnd,
    }

    /// <summary>True inside a quoted value (a line break there is part of it).</summary>
    public bool InQuotes => _state == Quoted;

    public Step Next(char c, char delimiter)
    {
        switch (_state)
        {
            case Quoted:
                if (c == '"') _state = QuoteInQuoted;
                return Step.Value;
            case FieldStart when c == '"':
                _state = Quoted;
                return Step.QuoteOpened;
            case QuoteInQuoted when c == '"':
                _state = Quoted; // "" inside a quoted value
                return Step.Value;
        }
        if (c is '\r' or '\n')
        {
            _state = FieldStart;
            return Step.RecordEnd;
        }
        if (c == delimiter)
        {
            _state = FieldStart;
            return Step.FieldEnd;
        }
        _state = Unquoted;
        return Step.Value;
    }
}
