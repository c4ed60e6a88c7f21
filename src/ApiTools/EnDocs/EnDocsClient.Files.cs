using System.IO;
using ApiTools.EnDocs.Serialization;
using ApiTools.EnDocs.Models;
using ApiTools.Input;

namespace ApiTools.EnDocs;

// Files of a document: {"binaries":[{"fileName","fileBase64"}]}, decoded as they stream in.
public sealed partial class EnDocsClient
{
    /// <summary>
    /// Saves every file of a document into <paramref name="folder"/> (created if missing). Each file's base64
    /// is decoded while the body streams in, into a temporary file inside the folder; once the whole body has
    /// arrived the files get their names: the server's name sanitised (no directories, no "..", no rooted or
    /// device names, no invalid characters, at most 255 bytes: nothing can land outside the folder). An existing file
    /// (or a link of that name), or a second file of the same name in the document, is kept (Skipped) unless
    /// <paramref name="overwrite"/>, which replaces the file or the link itself, never what a link points to. A body that
    /// breaks off leaves no partial file behind, and a retry starts over.
    /// <para>The answer's first byte must come within the attempt timeout, and the body may then fall silent for at most
    /// as long; the whole body may take <paramref name="downloadTimeout"/> (default: the connection's
    /// <see cref="RetryOptions.DownloadTimeout"/>), and a download past it is not started again (<see cref="ApiErrorKind.TimedOut"/>).
    /// A file that cannot be written is a <see cref="LocalFileException"/>, not retried.</para>
    /// </summary>
    /// <param name="id">The id <paramref name="kind"/> names: a number for NonFormID, MetaID and ContractID (anything else is an
    /// <see cref="ApiValidationException"/> before any request), any text for ExtID and Any.</param>
    /// <remarks>EnDocs answers "no such document" and "no file" alike (400, #err-70): an <see cref="ApiErrorKind.NotFound"/>.</remarks>
    public Task<IReadOnlyList<EnDocsSavedFile>> SaveFilesAsync(string id, EnDocsFileKind kind, string folder, bool overwrite, CancellationToken cancellationToken = default) =>
        SaveFilesAsync(id, kind, folder, overwrite, null, cancellationToken);

    /// <inheritdoc cref="SaveFilesAsync(string, EnDocsFileKind, string, bool, CancellationToken)"/>
    public Task<IReadOnlyList<EnDocsSavedFile>> SaveFilesAsync(string id, EnDocsFileKind kind, string folder, bool overwrite, TimeSpan? downloadTimeout,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(folder)) throw new ArgumentException("A folder is required.", nameof(folder));
        if (downloadTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(downloadTimeout), downloadTimeout, "The download timeout must be positive.");
        if (string.IsNullOrWhiteSpace(id)) throw Invalid("the files asked for", "Id", "is empty");
        id = id.Trim();
        if (kind is EnDocsFileKind.NonFormID or EnDocsFileKind.MetaID or EnDocsFileKind.ContractID
            && !(long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0))
            throw Invalid($"the id '{InputFields.Shorten(id)}'", "Id", $"is not a {kind}: a {kind} is a whole number above 0 (use -Kind ExtID for a text id)");
        var root = Path.GetFullPath(folder);
        LocalFiles.Write(root, () => Directory.CreateDirectory(root));
        var request = new ApiRequest(HttpMethod.Get, EnDocsRoutes.Files(id, kind)) { BodyTimeout = downloadTimeout ?? Connection.Retry.DownloadTimeout };
        return Transport.SendAsync(request, (response, ct) => ReceiveFilesAsync(response, id, root, overwrite, Connection.Retry.AttemptTimeout, ct), cancellationToken);
    }

    /// <summary>As <see cref="SaveFilesAsync(string, EnDocsFileKind, string, bool, CancellationToken)"/>, for a numeric id.</summary>
    public Task<IReadOnlyList<EnDocsSavedFile>> SaveFilesAsync(long id, EnDocsFileKind kind, string folder, bool overwrite, CancellationToken cancellationToken = default) =>
        SaveFilesAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture), kind, folder, overwrite, cancellationToken);

    /// <summary>The name a server's file name gets inside a folder; <paramref name="fallback"/> when nothing usable is left.</summary>
    public static string SafeName(string? serverName, string fallback) => SafeFileName.ForSaving(serverName, fallback);

    private static async Task<IReadOnlyList<EnDocsSavedFile>> ReceiveFilesAsync(HttpResponseMessage response, string id, string root, bool overwrite,
        TimeSpan silence, CancellationToken cancellationToken)
    {
        var sink = new TempFiles(root);
        using var stalled = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            using (var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                await new FilesBodyScanner(new StallWatchStream(body, stalled, silence), stalled.Token).ReadAsync(sink).ConfigureAwait(false);
            return sink.Place(id, overwrite);
        }
        catch (OperationCanceledException) when (stalled.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new AttemptTimeoutException(silence); // the body fell silent: a repeat may fare better
        }
        catch (FormatException bad)
        {
            throw new System.Text.Json.JsonException($"A file of document {id} is not valid base64: {bad.Message}", bad);
        }
        finally
        {
            sink.Dispose();
        }
    }

    /// <summary>One attempt's files: decoded into bare temporary names, then moved to their real names.</summary>
    private sealed class TempFiles : FilesBodyScanner.IFileSink, IDisposable
    {
        private readonly string _root;
        private readonly List<(IncomingFile File, string? ServerName, long Bytes)> _done = new();
        private IncomingFile? _open;
        private Base64Sink? _openSink;

        public TempFiles(string root) => _root = root;

        public Base64Sink Begin(int index)
        {
            _open?.Dispose();
            _open = new IncomingFile(_root, ".endocs-");
            return _openSink = new Base64Sink(_open.Stream);
        }

        public void End(int index, string? fileName, bool hadContent)
        {
            _openSink!.Finish();
            _open!.Close();
            _done.Add((_open, fileName, _openSink.Bytes));
            _open = null;
            _openSink = null;
        }

        public IReadOnlyList<EnDocsSavedFile> Place(string id, bool overwrite)
        {
            var results = new List<EnDocsSavedFile>(_done.Count);
            for (var i = 0; i < _done.Count; i++)
            {
                var (file, serverName, bytes) = _done[i];
                // The fallback is made of the id asked for, which may be any text (an ext id): made safe too.
                var name = SafeName(serverName, SafeFileName.From($"{id}-{i + 1}", $"file-{i + 1}"));
                var path = SafeFileName.Inside(_root, name);
                var result = new EnDocsSavedFile { DocumentId = id, ServerFileName = serverName, Path = path, Bytes = bytes };
                try
                {
                    result.Skipped = !file.Place(path, overwrite);
                }
                catch (LocalFileException refused)
                {
                    // This file alone: the others of the document still get their names.
                    result.Failure = refused;
                }
                file.Dispose();
                results.Add(result);
            }
            return results;
        }

        /// <summary>Removes whatever this attempt did not place: a broken body leaves nothing behind.</summary>
        public void Dispose()
        {
            _open?.Dispose();
            _open = null;
            foreach (var (file, _, _) in _done) file.Dispose();
            _done.Clear();
        }
    }
}
