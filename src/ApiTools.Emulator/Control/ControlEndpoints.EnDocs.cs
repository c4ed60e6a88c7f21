using System.Text.Json;

namespace ApiTools.Emulator.Control;

internal static partial class ControlEndpoints
{
    /// <summary>GET /_emulator/endocs/writes: every EnDocs write received since start or reset, oldest first, as
    /// <c>[{"route":…,"status":…,"body":&lt;the JSON as sent, or the text when it was not JSON&gt;}]</c>, so an
    /// out-of-process test can check what a cmdlet sent.</summary>
    public static void MapEnDocs(IEndpointRouteBuilder app, EnDocsSeed seed) =>
        app.MapGet(Prefix + "/endocs/writes", async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json; charset=utf-8";
            await using var w = new Utf8JsonWriter(context.Response.Body, new JsonWriterOptions { Encoder = Json.Encoder });
            w.WriteStartArray();
            foreach (var write in seed.Writes)
            {
                w.WriteStartObject();
                w.WriteString("route", write.Route);
                w.WriteNumber("status", write.Status);
                w.WritePropertyName("body");
                try
                {
                    using var body = JsonDocument.Parse(write.Body);
                    body.RootElement.WriteTo(w);
                }
                catch (JsonException)
                {
                    w.WriteStringValue(write.Body);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });
}
