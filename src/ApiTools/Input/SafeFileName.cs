using System.IO;

namespace ApiTools.Input;

/// <summary>Turns a file name a server sent into one that can only land inside the folder given:
/// no directories, no "..", no rooted or drive paths, no characters invalid on Windows or Linux.</summary>
public static class SafeFileName
{
    private static readonly char[] Invalid = Path.GetInvalidFileNameChars()
        .Concat(new[] { '<', '>', ':', '"', '/', '\\', '|', '?', '*' }).Distinct().ToArray();

    public static string From(string? serverName, string fallback)
    {
        var name = serverName ?? "";
        // Keep only the last segment of any path, in either separator style.
        var cut = Math.Max(name.LastIndexOf('/'), name.LastIndexOf('\\'));
        if (cut >= 0) name = name.Substring(cut + 1);
        name = new string(name.Select(c => c < 32 || Array.IndexOf(Invalid, c) >= 0 ? '_' : c).ToArray()).Trim().TrimEnd('.');
        if (name.Length == 0 || name == "." || name == "..") name = fallback;
        return name.Length > 200 ? name.Substring(0, 200) : name;
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
