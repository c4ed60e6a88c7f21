using System.IO;
using System.Text;

namespace ApiTools.Input;

/// <summary>Turns a file name a server sent into one that can only land inside the folder given:
/// no directories, no "..", no rooted or drive paths, no characters invalid on Windows or Linux.</summary>
public static class SafeFileName
{
    private static readonly char[] Invalid = Path.GetInvalidFileNameChars()
        .Concat(new[] { '<', '>', ':', '"', '/', '\\', '|', '?', '*' }).Distinct().ToArray();

    // Names Windows keeps for devices: "con.pdf" would open the console, not a file.
    private static readonly HashSet<string> DeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>A server's file name as the download cmdlets save it (Save-EnDocsFile, Save-PlanFixFile): <see cref="From"/>,
    /// and a Windows device name (con.pdf) prefixed with '_'.</summary>
    public static string ForSaving(string? serverName, string fallback)
    {
        var name = From(serverName, fallback);
        var stem = name.Split('.')[0].TrimEnd();
        return DeviceNames.Contains(stem) ? "_" + name : name;
    }

    public static string From(string? serverName, string fallback)
    {
        var name = serverName ?? "";
        // Keep only the last segment of any path, in either separator style.
        var cut = Math.Max(name.LastIndexOf('/'), name.LastIndexOf('\\'));
        if (cut >= 0) name = name.Substring(cut + 1);
        name = new string(name.Select(c => c < 32 || Array.IndexOf(Invalid, c) >= 0 ? '_' : c).ToArray()).Trim().TrimEnd('.');
        if (name.Length == 0 || name == "." || name == "..") name = fallback;
        return FitBytes(name.Length > MaxChars ? name.Substring(0, MaxChars) : name);
    }

    /// <summary>The most characters a name keeps.</summary>
    public const int MaxChars = 200;

    /// <summary>The most bytes a name may take in UTF-8: Linux and macOS refuse longer names, and a Cyrillic character
    /// takes two, so 200 characters can be 400 bytes.</summary>
    public const int MaxUtf8Bytes = 255;

    /// <summary>Shortens the part before the extension until the whole name fits <see cref="MaxUtf8Bytes"/>, never
    /// splitting a character.</summary>
    private static string FitBytes(string name)
    {
        if (Encoding.UTF8.GetByteCount(name) <= MaxUtf8Bytes) return name;
        var dot = name.LastIndexOf('.');
        var extension = dot > 0 && name.Length - dot <= 16 ? name.Substring(dot) : "";
        var stem = name.Substring(0, name.Length - extension.Length);
        var room = MaxUtf8Bytes - Encoding.UTF8.GetByteCount(extension);
        var end = 0;
        for (var bytes = 0; end < stem.Length;)
        {
            var width = char.IsHighSurrogate(stem[end]) && end + 1 < stem.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(stem.Substring(end, width));
            if (bytes + size > room) break;
            bytes += size;
            end += width;
        }
        return stem.Substring(0, end).TrimEnd(' ', '.') + extension;
    }

    /// <summary>The full path of <paramref name="fileName"/> inside <paramref name="folder"/>; throws if it would escape it.</summary>
    public static string Inside(string folder, string fileName)
    {
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, fileName));
        if (!full.StartsWith(root, StringComparison.Ordinal))
            throw new InvalidOperationException($"The file name '{fileName}' would leave the folder '{folder}'.");
        return full;
    }
}
