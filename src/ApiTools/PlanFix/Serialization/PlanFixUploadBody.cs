using System.IO;
using System.Net;
using System.Text;
using System.Xml;

namespace ApiTools.PlanFix.Serialization;

/// <summary>
/// file.upload's request: one XML call with the file's content as base64 inside it (the reference's shape:
/// <c>task/id, target, files/file{name, sourceType FILESYSTEM, body, description, newversion}</c>). The file is read
/// and encoded while the body is sent, a chunk at a time, so a large file is never held in memory as text.
/// </summary>
internal sealed class PlanFixUploadBody : PlanFixBodyWriter
{
    private readonly string _path;
    private readonly string _name;
    private readonly long _taskId;
    private readonly string _target;
    private readonly string? _description;
    private readonly bool _newVersion;

    public PlanFixUploadBody(string path, string name, long taskId, string target, string? description, bool newVersion)
    {
        _path = path;
        _name = name;
        _taskId = taskId;
        _target = target;
        _description = description;
        _newVersion = newVersion;
    }

    public override HttpContent Content(string method, string account, string? sid) => new Upload(this, method, account, sid);

    private sealed class Upload : HttpContent
    {
        private readonly PlanFixUploadBody _body;
        private readonly string _method;
        private readonly string _account;
        private readonly string? _sid;

        public Upload(PlanFixUploadBody body, string method, string account, string? sid)
        {
            _body = body;
            _method = method;
            _account = account;
            _sid = sid;
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), CloseOutput = false, CheckCharacters = true };
            using var file = new FileStream(_body._path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            using var writer = XmlWriter.Create(stream, settings);
            await writer.WriteStartDocumentAsync().ConfigureAwait(false);
            await writer.WriteStartElementAsync(null, "request", null).ConfigureAwait(false);
            await writer.WriteAttributeStringAsync(null, "method", null, _method).ConfigureAwait(false);
            await writer.WriteElementStringAsync(null, "account", null, _account).ConfigureAwait(false);
            if (_sid is not null) await writer.WriteElementStringAsync(null, "sid", null, _sid).ConfigureAwait(false);
            await writer.WriteStartElementAsync(null, "task", null).ConfigureAwait(false);
            await writer.WriteElementStringAsync(null, "id", null, _body._taskId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(false);
            await writer.WriteEndElementAsync().ConfigureAwait(false);
            await writer.WriteElementStringAsync(null, "target", null, _body._target).ConfigureAwait(false);
            await writer.WriteStartElementAsync(null, "files", null).ConfigureAwait(false);
            await writer.WriteStartElementAsync(null, "file", null).ConfigureAwait(false);
            await writer.WriteElementStringAsync(null, "name", null, _body._name).ConfigureAwait(false);
            await writer.WriteElementStringAsync(null, "sourceType", null, "FILESYSTEM").ConfigureAwait(false);
            await writer.WriteStartElementAsync(null, "body", null).ConfigureAwait(false);
            // A multiple of 3 bytes, so each chunk's base64 joins the next without padding in between.
            var buffer = new byte[3 * 27 * 1024];
            int read;
            while ((read = await ReadFullAsync(file, buffer).ConfigureAwait(false)) > 0)
                await writer.WriteBase64Async(buffer, 0, read).ConfigureAwait(false);
            await writer.WriteEndElementAsync().ConfigureAwait(false);
            if (_body._description is { Length: > 0 } description) await writer.WriteElementStringAsync(null, "description", null, description).ConfigureAwait(false);
            if (_body._newVersion) await writer.WriteElementStringAsync(null, "newversion", null, "1").ConfigureAwait(false);
            await writer.WriteEndElementAsync().ConfigureAwait(false);
            await writer.WriteEndElementAsync().ConfigureAwait(false);
            await writer.WriteEndElementAsync().ConfigureAwait(false);
            await writer.WriteEndDocumentAsync().ConfigureAwait(false);
            await writer.FlushAsync().ConfigureAwait(false);
        }

        private static async Task<int> ReadFullAsync(Stream file, byte[] buffer)
        {
            var total = 0;
            int n;
            while (total < buffer.Length && (n = await file.ReadAsync(buffer, total, buffer.Length - total).ConfigureAwait(false)) > 0) total += n;
            return total;
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
