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
    /// device names, no invalid characters: nothing can land outside the folder). An existing file, or a
    /// second file of the same name in the document, is kept (Skipped) unless <paramref name="overwrite"/>. A body that breaks
    /// off leaves no partial file behind, and a retry starts over.
    /// </summary>
    public Task<IReadOnlyList<EnDocsSavedFile>> SaveFilesAsync(long id, EnDocsFileKind kind, string folder, bool overwrite, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(folder)) throw new ArgumentException("A folder is required.", nameof(folder));
        var root = Path.GetFullPath(folder);
        Directory.CreateDirectory(root);
        var request = new ApiRequest(HttpMethod.Get, EnDocsRoutes.Files(id, kind));
        return Transport.SendAsync(request, (response, ct) => ReceiveFilesAsync(response, id, root, overwrite, ct), cancellationToken);
    }

    /// <summary>The name a server's file name gets inside a folder; <paramref name="fallback"/> when nothing usable is left.</summary>
    public static string SafeName(string? serverName, string fallback) => SafeFileName.ForSaving(serverName, fallback);

    private static async Task<IReadOnlyList<EnDocsSavedFile>> ReceiveFilesAsync(HttpResponseMessage response, long id, string root, bool overwrite, CancellationToken cancellationToken)
    {
        var sink = new TempFiles(root);
        try
        {
            using (var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                await new FilesBodyScanner(body, cancellationToken).ReadAsync(sink).ConfigureAwait(false);
            return sink.Place(id, overwrite);
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
        private readonly List<(string Temp, string? ServerName, long Bytes)> _done = new();
        private FileStream? _open;
        private string? _openPath;
        private Base64Sink? _openSink;

        public TempFiles(string root) => _root = root;

        public Base64Sink Begin(int index)
        {
            CloseOpen();
            _openPath = Path.Combine(_root, $".endocs-{Guid.NewGuid():N}.part");
            _open = new FileStream(_openPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920);
            return _openSink = new Base64Sink(_open);
        }

        public void End(int index, string? fileName, bool hadContent)
        {
            _openSink!.Finish();
            var bytes = _openSink.Bytes;
            _open!.Dispose();
            _done.Add((_openPath!, fileName, bytes));
            _open = null;
            _openPath = null;
            _openSink = null;
        }

        public IReadOnlyList<EnDocsSavedFile> Place(long id, bool overwrite)
        {
            var results = new List<EnDocsSavedFile>(_done.Count);
            for (var i = 0; i < _done.Count; i++)
            {
                var (temp, serverName, bytes) = _done[i];
                var name = SafeName(serverName, $"{id}-{i + 1}");
                var path = SafeFileName.Inside(_root, name);
                var result = new EnDocsSavedFile { DocumentId = id, ServerFileName = serverName, Path = path, Bytes = bytes };
                if (File.Exists(path) && !overwrite)
                {
                    result.Skipped = true;
                    File.Delete(temp);
                }
                else
                {
                    if (File.Exists(path)) File.Delete(path);
                    File.Move(temp, path);
                }
                results.Add(result);
            }
            _done.Clear();
            return results;
        }

        private void CloseOpen()
        {
            _open?.Dispose();
            if (_openPath is not null && File.Exists(_openPath)) File.Delete(_openPath);
            _open = null;
            _openPath = null;
        }

        /// <summary>Removes whatever this attempt did not place: a broken body leaves nothing behind.</summary>
        public void Dispose()
        {
            CloseOpen();
            foreach (var (temp, _, _) in _done)
                if (File.Exists(temp)) File.Delete(temp);
            _done.Clear();
        }
    }
}
