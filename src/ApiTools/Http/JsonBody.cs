using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ApiTools.Http;

/// <summary>A JSON answer read into a model, within the service's cap on what it reads into memory. The model is read
/// tolerantly (<see cref="TolerantJson"/>); a body that is cut off stays a JsonException (retried), one that is
/// malformed is refused (<see cref="MalformedBody"/>).</summary>
internal static class JsonBody
{
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, long limit, string service, CancellationToken cancellationToken,
        ReadNotes? notes = null, bool alwaysMend = false)
    {
        var bytes = await ResponseLimits.ReadAllAsync(response, limit, service, cancellationToken).ConfigureAwait(false);
        return Read(bytes, response, type, service, notes, alwaysMend);
    }

    /// <summary>Reads <paramref name="bytes"/>, the body of <paramref name="response"/> already received.</summary>
    public static T Read<T>(byte[] bytes, HttpResponseMessage response, JsonTypeInfo<T> type, string service, ReadNotes? notes = null, bool alwaysMend = false)
    {
        T? value;
        try
        {
            value = TolerantJson.Read(bytes, type, notes, alwaysMend);
        }
        catch (JsonException e)
        {
            throw MalformedBody.Classify(service, response, bytes, e);
        }
        return value ?? throw MalformedBody.Refused(service, response.RequestMessage?.Method.Method ?? "?", response.RequestMessage?.RequestUri?.AbsolutePath ?? "",
            "an answer", new JsonException("the body is JSON null, not the object asked for"));
    }

    /// <summary>True when <paramref name="bytes"/> hold nothing but white space: an answer without a body.</summary>
    public static bool IsEmpty(byte[] bytes)
    {
        foreach (var b in bytes)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
        return true;
    }
}
