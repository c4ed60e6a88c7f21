using System.Text;
using System.Text.Json;
using System.Xml;

namespace ApiTools.Http;

/// <summary>
/// An answer whose body the client cannot read is one of two things. Cut off on its way (it ends before its JSON
/// value or XML document does, or is empty): a transient failure, retried like a dropped connection, since the next
/// try may come whole. Malformed (it breaks the syntax somewhere before its end, or it is whole but not the shape
/// asked for at all): refused at once as a ProtocolError that says what could not be read and where, and never
/// retried, because the same bytes would come again. Every reader of a body decides with these.
/// </summary>
public static class MalformedBody
{
    /// <summary>The <see cref="ApiException.ErrorCode"/> of a refused body; the transport writes the call line for it.</summary>
    public const string Code = "malformed_body";

    /// <summary>True when <paramref name="utf8"/> is the start of a JSON value that ends too soon (or holds none).</summary>
    public static bool IsCutOff(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, isFinalBlock: false, state: default);
        try
        {
            while (reader.Read())
            {
                // The root value closed: whatever is wrong lies elsewhere.
                if (reader.CurrentDepth == 0 && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.PropertyName))
                    return false;
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>True when <paramref name="error"/> arose at the end of <paramref name="body"/>: the document stopped
    /// before it closed (or there is none).</summary>
    public static bool IsCutOff(byte[] body, XmlException error)
    {
        var text = Encoding.UTF8.GetString(body).TrimEnd();
        if (text.Trim('\uFEFF').Length == 0) return true;
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n') { line++; lineStart = i + 1; }
        var endPosition = text.Length - lineStart; // the last character's position, 1-based
        if (error.LineNumber > line || (error.LineNumber == line && error.LinePosition >= endPosition)) return true;
        // A body that stops inside an entity (&am) or a tag (<ti) fails where that entity or tag began, before its end.
        if (error.LineNumber != line) return false;
        var amp = text.LastIndexOf('&');
        var lt = text.LastIndexOf('<');
        var open = Math.Max(amp > text.LastIndexOf(';') ? amp : -1, lt > text.LastIndexOf('>') ? lt : -1);
        return open >= lineStart && error.LinePosition >= open - lineStart;
    }

    /// <summary>The error for a body the client refuses: <paramref name="what"/> names the part ("the answer", "employee
    /// 3 of 10 on the page"); the reason and the field come from <paramref name="error"/>.</summary>
    public static ApiException Refused(string service, ApiRequest request, string what, Exception error) =>
        Refused(service, request.Method.Method, request.ShownPath, what, error);

    /// <inheritdoc cref="Refused(string, ApiRequest, string, Exception)"/>
    public static ApiException Refused(string service, string method, string path, string what, Exception error) =>
        new(service, ApiErrorKind.ProtocolError,
            $"{service} {method} /{path.TrimStart('/')} sent {what} that cannot be read{Where(error)}: {Reason(error)}. Not retried: the same answer would come again.", error)
        {
            ErrorCode = Code,
            Method = method,
            Path = path,
        };

    /// <summary>What a JSON reader's failure means for <paramref name="body"/>: the failure itself when the body was cut
    /// off (retried), else the refusal.</summary>
    public static Exception Classify(string service, ApiRequest request, ReadOnlySpan<byte> body, JsonException error, string what = "an answer") =>
        IsCutOff(body) ? error : Refused(service, request, what, error);

    /// <inheritdoc cref="Classify(string, ApiRequest, ReadOnlySpan{byte}, JsonException, string)"/>
    public static Exception Classify(string service, HttpResponseMessage response, ReadOnlySpan<byte> body, JsonException error, string what = "an answer") =>
        IsCutOff(body) ? error
            : Refused(service, response.RequestMessage?.Method.Method ?? "?", response.RequestMessage?.RequestUri?.AbsolutePath ?? "", what, error);

    /// <summary>The field (JSON) or the line and position (XML, or JSON syntax) where reading stopped.</summary>
    private static string Where(Exception error)
    {
        switch (error)
        {
            case JsonException { Path: { Length: > 1 } path }:
                return $" (field '{path.TrimStart('$').TrimStart('.')}')";
            case JsonException { BytePositionInLine: long position } json:
                return $" (line {json.LineNumber + 1}, byte {position + 1})";
            case XmlException { LineNumber: > 0 } xml:
                return $" (line {xml.LineNumber}, position {xml.LinePosition})";
            default:
                return "";
        }
    }

    /// <summary>The parser's words without the position it appends (said once, by <see cref="Where"/>).</summary>
    private static string Reason(Exception error)
    {
        var text = error.Message;
        foreach (var tail in new[] { " Path:", " LineNumber:", " Line " })
        {
            var at = text.IndexOf(tail, StringComparison.Ordinal);
            if (at > 0) text = text.Substring(0, at);
        }
        return text.TrimEnd('.', ' ');
    }
}
