using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ApiTools.Emulator.Infrastructure;

/// <summary>
/// The <see cref="FaultRule.Echo"/> fault: an error whose message repeats what the request carried, encoded as a
/// careless or hostile server might send it. The service gives the envelope (<see cref="EchoEnvelope"/>); the message is
/// written into it raw, so "escaped" can escape every character, which no ordinary writer does.
/// </summary>
internal static class EchoBody
{
    public static async Task WriteAsync(HttpContext context, IEmulatedService service, FaultRule fault)
    {
        var envelope = service.EchoEnvelope(fault.Status == 0 ? 400 : fault.Status);
        var message = Literal(service.Echoed(context), fault.Echo!, envelope.Xml);
        var bytes = Encoding.UTF8.GetBytes(envelope.Before + message + envelope.After);
        await Answer.WriteAsync(context, envelope.Status, envelope.ContentType, bytes);
    }

    /// <summary><paramref name="text"/> as it stands inside a JSON string or an XML element, in the encoding asked for.</summary>
    internal static string Literal(string text, string encoding, bool xml)
    {
        switch (encoding)
        {
            case "escaped":
                var all = new StringBuilder();
                foreach (var c in text)
                    all.Append(xml ? $"&#x{(int)c:X};" : $"\\u{(int)c:X4}");
                return all.ToString();
            case "url":
                return Plain(Uri.EscapeDataString(text), xml);
            case "base64":
                return Plain(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)), xml);
            default:
                return Plain(text, xml);
        }
    }

    // As an ordinary writer escapes: System.Text.Json's default encoder (which writes '+' as \u002B), or XML's five.
    private static string Plain(string text, bool xml) =>
        xml ? System.Security.SecurityElement.Escape(text) : JsonEncodedText.Encode(text, JavaScriptEncoder.Default).ToString();
}

/// <summary>Where an echoed message goes in a service's error answer: the text before and after it, its status and type.</summary>
internal sealed record EchoEnvelope(int Status, string ContentType, string Before, string After, bool Xml);
