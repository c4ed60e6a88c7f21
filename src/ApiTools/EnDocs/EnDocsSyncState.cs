using System.Globalization;
using System.IO;
using System.Text;
using ApiTools.Input;

namespace ApiTools.EnDocs;

/// <summary>
/// Incremental sync's memory (<c>Get-EnDocsDocument -StatePath</c>): a text file holding the highest document id a listing
/// delivered. It is read before a listing, whose next run starts after that id, and written only when a listing ran to its
/// end, so an error, Ctrl+C or -First never skips documents that were not delivered. The file is held for this sync alone
/// from <see cref="Load"/> to <see cref="Dispose"/> (a second sync on it is refused), never opened through a symbolic link,
/// and written whole under a temporary name and then renamed over the old one, so a crash never leaves half an id.
/// </summary>
public sealed class EnDocsSyncState : IDisposable
{
    // An id is at most 19 digits; anything much longer is not a state file, and only its start is shown.
    private const int MaxStateBytes = 64;
    private const string What = "The state file";

    private FileStream? _lock;
    private bool _created; // made empty by Load to hold it: removed again unless a listing completed

    private EnDocsSyncState(string path, long lastId, FileStream held, bool created = false)
    {
        Path = path;
        LastId = lastId;
        Highest = lastId;
        _lock = held;
        _created = created;
    }

    public string Path { get; }

    /// <summary>The highest id an earlier listing delivered in full; 0 when there is no file yet.</summary>
    public long LastId { get; }

    /// <summary>The highest id delivered so far (at least <see cref="LastId"/>).</summary>
    public long Highest { get; private set; }

    /// <summary>Reads the state and holds the file until <see cref="Dispose"/>. A file that does not hold a whole number
    /// throws <see cref="InvalidDataException"/> naming the file and showing at most the start of what it holds; one that
    /// another sync holds, or a link, throws <see cref="LocalFileException"/>.</summary>
    public static EnDocsSyncState Load(string path)
    {
        var existed = File.Exists(path) || LocalFiles.IsLink(path);
        FileStream held;
        try
        {
            held = LocalFiles.OpenExclusive(path, What);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not LocalFileException)
        {
            throw LocalFiles.Unwritable(path, e); // no such folder, no permission: said before anything is listed
        }
        try
        {
            var text = ReadStart(held, out var whole).Trim();
            if (!existed || (text.Length == 0 && whole)) return new EnDocsSyncState(path, 0, held, created: !existed);
            if (whole && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id >= 0)
                return new EnDocsSyncState(path, id, held);
            throw new InvalidDataException(
                $"'{path}' should hold the highest id seen (a whole number), not {Shown(text, whole, held.Length)}; delete it to start from the first document.");
        }
        catch
        {
            held.Dispose();
            if (!existed) File.Delete(path);
            throw;
        }
    }

    /// <summary>Counts a document as delivered.</summary>
    public void Delivered(long id)
    {
        if (id > Highest) Highest = id;
    }

    /// <summary>Writes the highest id delivered, when it passed the one read; true when the file was written.</summary>
    public bool Save()
    {
        if (Highest <= LastId) return false;
        var temp = Path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            LocalFiles.Write(Path, () =>
            {
                // CreateNew never follows a link; the rename replaces the name, never what a link would point to.
                using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    var bytes = Encoding.UTF8.GetBytes(Highest.ToString(CultureInfo.InvariantCulture) + Environment.NewLine);
                    file.Write(bytes, 0, bytes.Length);
                    file.Flush(flushToDisk: true);
                }
                if (File.Exists(Path)) File.Replace(temp, Path, null);
                else File.Move(temp, Path);
            });
            _created = false;
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        return true;
    }

    /// <summary>Lets go of the file: another sync may use it now.</summary>
    public void Dispose()
    {
        if (_lock is null) return;
        if (_created && _lock.Length == 0) File.Delete(Path);
        _lock.Dispose();
        _lock = null;
    }

    private static string ReadStart(FileStream file, out bool whole)
    {
        var buffer = new byte[MaxStateBytes + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = file.Read(buffer, read, buffer.Length - read)) > 0) read += n;
        whole = read <= MaxStateBytes;
        return Encoding.UTF8.GetString(buffer, 0, Math.Min(read, MaxStateBytes));
    }

    /// <summary>What the file holds, for the message: the start of a text, never more than 40 characters of it, and
    /// nothing of bytes that are not text.</summary>
    private static string Shown(string start, bool whole, long length)
    {
        var size = length.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
        if (start.Any(c => char.IsControl(c) && c is not '\r' and not '\n' and not '\t' || c == '\uFFFD'))
            return $"{size} that are not text";
        return whole ? $"'{InputFields.Shorten(start)}'" : $"{size} beginning '{InputFields.Shorten(start)}'";
    }
}
