using System.IO;
using System.Text;

namespace ApiTools.Input;

/// <summary>
/// Whether a file is UTF-8, read through once in blocks before any row of it is: a file in another encoding is one error
/// for the file (which line, which encoding to try), never a row-by-row refusal of every line with a letter outside ASCII.
/// </summary>
internal static class Utf8Check
{
    private const int Block = 1 << 20;

    /// <summary>Throws <see cref="CsvFileException"/> when <paramref name="path"/> holds bytes that are not UTF-8.</summary>
    public static void Require(string path)
    {
        if (FirstInvalid(path) is not { } bad) return;
        throw new CsvFileException(path,
            $"'{path}' is not UTF-8: line {bad.Line} holds bytes that are not, so nothing was read. {Advice(bad.LineBytes)}");
    }

    /// <summary>The line (1-based) of the first bytes that are not UTF-8, with that line's bytes; null for a UTF-8 file.</summary>
    internal static (long Line, byte[] LineBytes)? FirstInvalid(string path)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var chars = new char[Encoding.UTF8.GetMaxCharCount(Block)];
        var buffer = new byte[Block];
        var line = 1L;
        var lineStart = new MemoryStream();
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
        int read;
        while ((read = file.Read(buffer, 0, buffer.Length)) > 0)
        {
            try
            {
                decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
            }
            catch (DecoderFallbackException)
            {
                // Find the line in this block: the decoder does not say where, so count lines up to the first bad sequence.
                var at = FirstBadOffset(buffer, read);
                for (var i = 0; i < at; i++)
                {
                    if (buffer[i] != (byte)'\n') { lineStart.WriteByte(buffer[i]); continue; }
                    line++;
                    lineStart.SetLength(0);
                }
                for (var i = at; i < read && buffer[i] != (byte)'\n'; i++) lineStart.WriteByte(buffer[i]);
                return (line, lineStart.ToArray());
            }
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    if (lineStart.Length < 4096) lineStart.WriteByte(buffer[i]);
                    continue;
                }
                line++;
                lineStart.SetLength(0);
            }
        }
        try
        {
            decoder.GetChars(buffer, 0, 0, chars, 0, flush: true); // a sequence cut by the end of the file
        }
        catch (DecoderFallbackException)
        {
            return (line, lineStart.ToArray());
        }
        return null;
    }

    /// <summary>The offset of the first byte in <paramref name="bytes"/> that starts no valid UTF-8 sequence (a sequence
    /// begun in the block before counts as valid: its error comes at the start).</summary>
    private static int FirstBadOffset(byte[] bytes, int count)
    {
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        for (var i = 0; i < count;)
        {
            var b = bytes[i];
            var length = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
            if (length == 0) return i;
            if (i + length > count) return i;
            try
            {
                strict.GetCharCount(bytes, i, length);
            }
            catch (DecoderFallbackException)
            {
                return i;
            }
            i += length;
        }
        return 0;
    }

    /// <summary>Which encoding to try: Windows-1251 when the line reads as Russian text in it (Excel's CSV under a Russian
    /// Windows), else the general advice.</summary>
    /// <summary>Russian in a single-byte code page is words of letters that are all high bytes; Western text has an accented
    /// letter here and there between ASCII ones. Most high bytes in runs of three or more: Russian.</summary>
    private static bool LooksRussian(byte[] line)
    {
        int high = 0, inWords = 0, run = 0;
        for (var i = 0; i <= line.Length; i++)
        {
            if (i < line.Length && line[i] >= 0x80)
            {
                high++;
                run++;
                continue;
            }
            if (run >= 3) inWords += run;
            run = 0;
        }
        return high > 0 && inWords * 2 >= high;
    }

    private static string Advice(byte[] line)
    {
        const string save = "or save it as UTF-8 (Excel: \"CSV UTF-8\").";
        if (LooksRussian(line)) return $"It reads as Russian text in Windows-1251: give -Encoding windows-1251, {save}";
        return $"Give its encoding with -Encoding (windows-1251, windows-1252, cp866…), {save}";
    }
}
