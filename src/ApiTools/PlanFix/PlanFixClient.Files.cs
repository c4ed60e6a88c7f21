using System.IO;
using System.Text;
using ApiTools.Input;
using ApiTools.Paging;
using ApiTools.PlanFix.Models;
using ApiTools.PlanFix.Serialization;

namespace ApiTools.PlanFix;

// Files: a task's files (file.getListForTask), one file (file.get), download (file.download answers the file's bytes,
// or a 302 to where they are; credentials never follow a redirect to another host) and upload (file.upload: one XML
// call with the content as base64; not repeated once PlanFix may have acted).
public sealed partial class PlanFixClient
{
    /// <summary>The most of a downloaded file's first bytes looked at for a PlanFix error answer.</summary>
    private const int ErrorPeekBytes = 4096;

    public IAsyncEnumerable<PlanFixFile> GetTaskFilesAsync(long taskId, PageRange range = default, CancellationToken cancellationToken = default)
    {
        var p = new Dictionary<string, object?> { ["task"] = new Dictionary<string, object?> { ["id"] = taskId } };
        return Select(InvokeListAsync("file.getListForTask", p, "files", "file", range, cancellationToken), x =>
        {
            var file = _read.File(x);
            file.TaskId ??= taskId;
            return file;
        });
    }

    public async Task<PlanFixFile> GetFileAsync(long id, CancellationToken cancellationToken = default) =>
        _read.File(await GetElementAsync("file.get", "file", "id", id, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Downloads a file (by <paramref name="id"/>, or one version by <paramref name="uniqueId"/>) into
    /// <paramref name="folder"/> under <paramref name="name"/> (else the name the answer gives, else planfix-file-N) made
    /// safe; an existing file is kept (Skipped) unless <paramref name="overwrite"/>. A redirect is followed once: with
    /// the credentials only when it stays on the API's host.
    /// </summary>
    public async Task<PlanFixSavedFile> DownloadFileAsync(long? id, long? uniqueId, string folder, string? name, bool overwrite,
        CancellationToken cancellationToken = default)
    {
        if (id is null && uniqueId is null) throw new ArgumentException("A file's id or uniqueId is required.", nameof(id));
        if (string.IsNullOrWhiteSpace(folder)) throw new ArgumentException("A folder is required.", nameof(folder));
        var file = new Dictionary<string, object?>();
        if (id is long i) file["id"] = i;
        else file["uniqueId"] = uniqueId;
        var fallback = "planfix-file-" + (id ?? uniqueId);
        try
        {
            return await CallAsync("file.download", new Dictionary<string, object?> { ["file"] = file },
                (m, call, response, ct) => SaveAsync(m, response, folder, name, fallback, overwrite, id, uniqueId, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (PlanFixRedirect redirect) when (redirect.Location is not null)
        {
            var location = redirect.Location.IsAbsoluteUri ? redirect.Location : new Uri(Connection.BaseUri, redirect.Location);
            if (location.Scheme != Uri.UriSchemeHttps && location.Scheme != Uri.UriSchemeHttp)
                throw new ApiException(ServiceName, ApiErrorKind.ProtocolError, $"PlanFix file.download redirected to a {location.Scheme}: address; it was not followed.");
            var sameHost = Uri.Compare(location, Connection.BaseUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
            // On the API's own host the link may need the credentials; anywhere else it must not get them.
            var transport = sameHost ? Transport : PlanFixDownloadHost.TransportFor(location, Connection, _handler, Observer);
            // Named by its host only: a download link can carry a token of its own, and messages show no more than they need.
            var request = new ApiRequest(HttpMethod.Get, location.AbsoluteUri) { Operation = $"file.download redirect to {location.Host}" };
            return await transport.SendAsync(request, (response, ct) => SaveAsync("file.download", response, folder, name, fallback, overwrite, id, uniqueId, ct),
                cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<PlanFixSavedFile> SaveAsync(string method, HttpResponseMessage response, string folder, string? name, string fallback, bool overwrite,
        long? id, long? uniqueId, CancellationToken cancellationToken)
    {
        using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        // An error may come as HTTP 200 with PlanFix's XML (an expired session): look at the first bytes before writing.
        var head = new byte[ErrorPeekBytes];
        var headLength = 0;
        int n;
        while (headLength < head.Length && (n = await body.ReadAsync(head, headLength, head.Length - headLength, cancellationToken).ConfigureAwait(false)) > 0)
            headLength += n;
        if (LooksLikeError(response, head, headLength))
        {
            using var rest = new MemoryStream();
            rest.Write(head, 0, headLength);
            await body.CopyToAsync(rest, 81920, cancellationToken).ConfigureAwait(false);
            rest.Position = 0;
            var root = PlanFixXml.Read(rest);
            var code = root.Element("code")?.Value.Trim();
            throw _errors.FromCode(method, code, root.Element("message")?.Value, (int)response.StatusCode);
        }
        // Under its name made safe as Save-EnDocsFile makes it, once the whole body has arrived.
        using var file = new IncomingFile(folder, ".planfix-");
        await file.Stream.WriteAsync(head, 0, headLength, cancellationToken).ConfigureAwait(false);
        await body.CopyToAsync(file.Stream, 81920, cancellationToken).ConfigureAwait(false);
        file.Close();
        var serverName = name ?? FileNameOf(response);
        var path = SafeFileName.Inside(Path.GetFullPath(folder), SafeFileName.ForSaving(serverName, fallback));
        var saved = new PlanFixSavedFile { FileId = id, UniqueId = uniqueId, ServerFileName = serverName, Path = path, Bytes = file.Bytes };
        saved.Skipped = !file.Place(path, overwrite);
        return saved;
    }

    private static bool LooksLikeError(HttpResponseMessage response, byte[] head, int length)
    {
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        if (!type.EndsWith("xml", StringComparison.OrdinalIgnoreCase)) return false;
        var text = Encoding.UTF8.GetString(head, 0, length);
        var start = text.IndexOf("<response", StringComparison.Ordinal);
        return start >= 0 && start < 200 && text.IndexOf("status=\"error\"", start, StringComparison.Ordinal) is var at && at > 0 && at < start + 100;
    }

    /// <summary>The file name of a Content-Disposition header (filename*, RFC 5987, preferred), or null.</summary>
    private static string? FileNameOf(HttpResponseMessage response)
    {
        var disposition = response.Content.Headers.ContentDisposition;
        var star = disposition?.FileNameStar;
        if (!string.IsNullOrWhiteSpace(star)) return star;
        return disposition?.FileName?.Trim('"') is { Length: > 0 } plain ? plain : null;
    }

    /// <summary>
    /// Uploads a file and attaches it to task <paramref name="taskId"/> (file.upload; <paramref name="target"/> task, or
    /// action for a new comment carrying it). A name already used is error 9006 unless <paramref name="newVersion"/>.
    /// Not repeated once PlanFix may have acted. Returns the files as PlanFix names them (name and uniqueId).
    /// </summary>
    public async Task<IReadOnlyList<PlanFixFile>> UploadFileAsync(long taskId, string path, string? name = null, string? description = null,
        bool newVersion = false, string target = "task", CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("A file path is required.", nameof(path));
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"'{path}' is not a file.", full);
        var fileName = string.IsNullOrWhiteSpace(name) ? Path.GetFileName(full) : name!.Trim();
        var response = await CallAsync("file.upload", new PlanFixUploadBody(full, fileName, taskId, target, description, newVersion), cancellationToken).ConfigureAwait(false);
        var files = response.Element("files")?.Elements("file").Select(_read.File).ToList() ?? new List<PlanFixFile>();
        foreach (var f in files) f.TaskId ??= taskId;
        return files;
    }
}
