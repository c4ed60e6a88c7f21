using System.IO;
using System.Text;
using System.Text.Json;

namespace ApiTools.PlanFix.Models;

/// <summary>The values of an element name that repeats (<c>&lt;user&gt;…&lt;user&gt;…</c>) in <see cref="PlanFixExtra"/>; prints as a one-line JSON array.</summary>
public sealed class PlanFixExtraList : List<object?>
{
    public override string ToString()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            PlanFixExtra.Write(writer, this);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
