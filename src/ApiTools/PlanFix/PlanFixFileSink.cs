using System.IO;
using ApiTools.Input;
using ApiTools.PlanFix.Models;

namespace ApiTools.PlanFix;

/// <summary>
/// Writes one downloaded file into a folder: into a temporary file of its own first (opened as new, so no second
/// writer shares it), then, once the whole body has arrived, under its name made safe as Save-EnDocsFile makes it. An
/// existing file is kept unless overwriting was asked for; one that is replaced is removed first, so the new file is
/// never written through a symbolic link that stood there. A body that breaks off leaves nothing behind.
/// </summary>
internal sealed class PlanFixFileSink : IDisposable
{
    private readonly string _folder;
    private readonly string _temp;
    private FileStream? _stream;

    public PlanFixFileSink(string folder)
    {
        _folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(_folder);
        _temp = Path.Combine(_folder, $".planfix-{Guid.NewGuid():N}.part");
        _stream = new FileStream(_temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
    }

    public Stream Stream => _stream ?? throw new ObjectDisposedException(nameof(PlanFixFileSink));

    /// <summary>Gives the file its name (<paramref name="serverName"/> made safe; <paramref name="fallback"/> when nothing usable is left).</summary>
    public PlanFixSavedFile Place(string? serverName, string fallback, bool overwrite, long? fileId, long? uniqueId)
    {
        var bytes = _stream!.Length;
        _stream.Dispose();
        _stream = null;
        var path = SafeFileName.Inside(_folder, SafeFileName.ForSaving(serverName, fallback));
        var saved = new PlanFixSavedFile { FileId = fileId, UniqueId = uniqueId, ServerFileName = serverName, Path = path, Bytes = bytes };
        var exists = File.Exists(path) || IsLink(path);
        if (exists && !overwrite)
        {
            saved.Skipped = true;
            File.Delete(_temp);
            return saved;
        }
        if (exists) File.Delete(path); // a link is removed itself, never followed
        File.Move(_temp, path);
        return saved;
    }

    private static bool IsLink(string path)
    {
        try { return (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0; }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    public void Dispose()
    {
        _stream?.Dispose();
        _stream = null;
        if (File.Exists(_temp)) File.Delete(_temp);
    }
}
