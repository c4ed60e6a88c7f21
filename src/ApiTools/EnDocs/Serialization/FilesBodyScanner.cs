using System.IO;
using System.Text;

namespace ApiTools.EnDocs.Serialization;

/// <summary>
/// Walks <c>{"binaries":[{"fileName":"…","fileBase64":"…"}, …]}</c> from a stream without ever holding a
/// whole string: Utf8JsonReader only returns a string token once all of it is buffered, which for a file's
/// base64 would mean the whole file in memory. So this small hand-written scanner reads the body byte by
/// byte from a buffer, hands each file's base64 characters to a sink as they arrive (the sink decodes them
/// into a file), and skips any member it does not know, whatever its shape. Order of the two members does
/// not matter. Strings may use any JSON escape (<c>\u002B</c> for '+', as System.Text.Json writes it).
/// </summary>
internal sealed class FilesBodyScanner
{
    private const int MaxDepth = 64;
    private const int MaxNameChars = 4096;

    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly char[] _chars = new char[64 * 1024];
    private readonly CancellationToken _cancellationToken;
    private int _pos;
    private int _len;

    public FilesBodyScanner(Stream stream, CancellationToken cancellationToken)
    {
        _stream = stream;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Called per file object: open a sink for its base64, then learn its name when the object ends.</summary>
    public interface IFileSink
    {
        /// <summary>Starts file number <paramref name="index"/> (0-based); returns where its base64 text goes.</summary>
        Base64Sink Begin(int index);

        /// <summary>The file object ended: its name (null if none came) and whether any content came.</summary>
        void End(int index, string? fileName, bool hadContent);
    }

    public async Task ReadAsync(IFileSink files)
    {
        await ExpectAsync((byte)'{').ConfigureAwait(false);
        await MembersAsync(async name =>
        {
            if (!name.Equals("binaries", StringComparison.OrdinalIgnoreCase) || await PeekAsync().ConfigureAwait(false) != '[')
            {
                await SkipValueAsync(1).ConfigureAwait(false);
                return;
            }
            await ReadFilesAsync(files).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private async Task ReadFilesAsync(IFileSink files)
    {
        await ExpectAsync((byte)'[').ConfigureAwait(false);
        var index = 0;
        if (await PeekAsync().ConfigureAwait(false) == ']')
        {
            _pos++;
            return;
        }
        while (true)
        {
            if (await PeekAsync().ConfigureAwait(false) == '{')
            {
                var i = index++;
                var sink = files.Begin(i);
                string? fileName = null;
                var hadContent = false;
                await ExpectAsync((byte)'{').ConfigureAwait(false);
                await MembersAsync(async name =>
                {
                    var next = await PeekAsync().ConfigureAwait(false);
                    if (name.Equals("fileName", StringComparison.OrdinalIgnoreCase) && next == '"')
                        fileName = await SmallStringAsync().ConfigureAwait(false);
                    else if (name.Equals("fileBase64", StringComparison.OrdinalIgnoreCase) && next == '"')
                    {
                        await StreamStringAsync(sink).ConfigureAwait(false);
                        hadContent = true;
                    }
                    else await SkipValueAsync(3).ConfigureAwait(false);
                }).ConfigureAwait(false);
                files.End(i, fileName, hadContent);
            }
            else await SkipValueAsync(2).ConfigureAwait(false);

            var c = await NextAsync().ConfigureAwait(false);
            if (c == ']') return;
            if (c != ',') throw Bad($"expected ',' or ']' in binaries, got {Show(c)}");
        }
    }

    /// <summary>Reads an object's members after its '{', calling <paramref name="onMember"/> positioned at each value.</summary>
    private async Task MembersAsync(Func<string, Task> onMember)
    {
        if (await PeekAsync().ConfigureAwait(false) == '}')
        {
            _pos++;
            return;
        }
        while (true)
        {
            if (await PeekAsync().ConfigureAwait(false) != '"') throw Bad("expected a member name");
            var name = await SmallStringAsync().ConfigureAwait(false);
            await ExpectAsync((byte)':').ConfigureAwait(false);
            await onMember(name).ConfigureAwait(false);
            var c = await NextAsync().ConfigureAwait(false);
            if (c == '}') return;
            if (c != ',') throw Bad($"expected ',' or '}}', got {Show(c)}");
        }
    }

    private async Task SkipValueAsync(int depth)
    {
        if (depth > MaxDepth) throw Bad("nested too deeply");
        var c = await PeekAsync().ConfigureAwait(false);
        switch (c)
        {
            case '"':
                await StreamStringAsync(null).ConfigureAwait(false);
                return;
            case '{':
                _pos++;
                await MembersAsync(_ => SkipValueAsync(depth + 1)).ConfigureAwait(false);
                return;
            case '[':
                _pos++;
                if (await PeekAsync().ConfigureAwait(false) == ']')
                {
                    _pos++;
                    return;
                }
                while (true)
                {
                    await SkipValueAsync(depth + 1).ConfigureAwait(false);
                    var n = await NextAsync().ConfigureAwait(false);
                    if (n == ']') return;
                    if (n != ',') throw Bad($"expected ',' or ']', got {Show(n)}");
                }
            default:
                // A number or literal: runs of its characters.
                if (!(c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n')) throw Bad($"unexpected {Show(c)}");
                while (true)
                {
                    var b = await PeekRawAsync().ConfigureAwait(false);
                    if (b < 0 || !(b == '-' || b == '+' || b == '.' || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || b == 'E')) return;
                    _pos++;
                }
        }
    }

    private async Task<string> SmallStringAsync()
    {
        var text = new StringBuilder();
        var sink = new TextSink(text);
        await StreamStringAsync(sink).ConfigureAwait(false);
        return text.ToString();
    }

    /// <summary>Reads a string after checking it starts here, passing its characters to <paramref name="sink"/> (null: skip).</summary>
    private async Task StreamStringAsync(ICharSink? sink)
    {
        await ExpectAsync((byte)'"').ConfigureAwait(false);
        var utf8 = Encoding.UTF8.GetDecoder();
        var chars = _chars; // UTF-8 never makes more chars than bytes
        while (true)
        {
            if (_pos == _len && !await FillAsync().ConfigureAwait(false)) throw Cut();
            // A run of plain bytes goes to the sink in one call.
            var start = _pos;
            while (_pos < _len && _buffer[_pos] != '"' && _buffer[_pos] != '\\') _pos++;
            if (_pos > start && sink is not null)
            {
                var n = utf8.GetChars(_buffer, start, _pos - start, chars, 0, flush: false);
                sink.Append(chars, n);
            }
            if (_pos == _len) continue;
            var b = _buffer[_pos++];
            if (b == '"') return;
            // An escape.
            var e = await NextRawAsync().ConfigureAwait(false);
            char ch;
            switch (e)
            {
                case '"': ch = '"'; break;
                case '\\': ch = '\\'; break;
                case '/': ch = '/'; break;
                case 'b': ch = '\b'; break;
                case 'f': ch = '\f'; break;
                case 'n': ch = '\n'; break;
                case 'r': ch = '\r'; break;
                case 't': ch = '\t'; break;
                case 'u':
                    var code = 0;
                    for (var k = 0; k < 4; k++)
                    {
                        var h = await NextRawAsync().ConfigureAwait(false);
                        code = code * 16 + Hex(h);
                    }
                    ch = (char)code;
                    break;
                default: throw Bad($"unknown escape \\{Show(e)}");
            }
            if (sink is not null)
            {
                chars[0] = ch;
                sink.Append(chars, 1);
            }
        }
    }

    private static int Hex(int h) => h switch
    {
        >= '0' and <= '9' => h - '0',
        >= 'a' and <= 'f' => h - 'a' + 10,
        >= 'A' and <= 'F' => h - 'A' + 10,
        _ => throw Bad($"bad \\u escape digit {Show(h)}"),
    };

    private async Task ExpectAsync(byte expected)
    {
        var c = await NextAsync().ConfigureAwait(false);
        if (c != expected) throw Bad($"expected '{(char)expected}', got {Show(c)}");
    }

    /// <summary>The next byte that is not white space, consumed.</summary>
    private async Task<int> NextAsync()
    {
        var c = await PeekAsync().ConfigureAwait(false);
        if (c < 0) throw Cut();
        _pos++;
        return c;
    }

    /// <summary>The next byte that is not white space, not consumed; -1 at the end.</summary>
    private async ValueTask<int> PeekAsync()
    {
        while (true)
        {
            var b = await PeekRawAsync().ConfigureAwait(false);
            if (b is ' ' or '\t' or '\r' or '\n') _pos++;
            else return b;
        }
    }

    private async ValueTask<int> PeekRawAsync()
    {
        if (_pos == _len && !await FillAsync().ConfigureAwait(false)) return -1;
        return _buffer[_pos];
    }

    private async ValueTask<int> NextRawAsync()
    {
        var b = await PeekRawAsync().ConfigureAwait(false);
        if (b < 0) throw Cut();
        _pos++;
        return b;
    }

    private async ValueTask<bool> FillAsync()
    {
        _pos = 0;
        _len = await _stream.ReadAsync(_buffer, 0, _buffer.Length, _cancellationToken).ConfigureAwait(false);
        return _len > 0;
    }

    private static string Show(int c) => c < 0 ? "the end of the body" : $"'{(char)c}'";

    private static System.Text.Json.JsonException Bad(string what) => new($"The files body is not the expected JSON: {what}.");

    private static IOException Cut() => new("The files body ended before it was complete (cut short).");

    internal interface ICharSink
    {
        void Append(char[] chars, int count);
    }

    private sealed class TextSink : ICharSink
    {
        private readonly StringBuilder _text;
        public TextSink(StringBuilder text) => _text = text;

        public void Append(char[] chars, int count)
        {
            if (_text.Length + count > MaxNameChars) throw Bad($"a name is longer than {MaxNameChars} characters");
            _text.Append(chars, 0, count);
        }
    }
}

/// <summary>Decodes base64 text as it arrives, in blocks aligned to 4 characters, into a stream;
/// white space (some encoders break lines) is ignored. Holds at most one block of text.</summary>
internal sealed class Base64Sink : FilesBodyScanner.ICharSink
{
    private const int BlockChars = 64 * 1024; // a multiple of 4
    private readonly Stream _output;
    private readonly char[] _block = new char[BlockChars];
    private int _count;

    public Base64Sink(Stream output) => _output = output;

    public long Bytes { get; private set; }

    public void Append(char[] chars, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var c = chars[i];
            if (c is ' ' or '\r' or '\n' or '\t') continue;
            _block[_count++] = c;
            if (_count == BlockChars) Decode(BlockChars);
        }
    }

    /// <summary>Decodes what is left; the text must have ended on a whole 4-character group.</summary>
    public void Finish()
    {
        if (_count % 4 != 0) throw new FormatException("The file's base64 text does not end on a whole 4-character group.");
        if (_count > 0) Decode(_count);
        _output.Flush();
    }

    private void Decode(int count)
    {
        var bytes = Convert.FromBase64CharArray(_block, 0, count);
        _output.Write(bytes, 0, bytes.Length);
        Bytes += bytes.Length;
        _count = 0;
    }
}
