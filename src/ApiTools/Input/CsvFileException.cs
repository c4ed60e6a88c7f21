using System.IO;

namespace ApiTools.Input;

/// <summary>A CSV file that cannot be read as a whole (no header, a column named twice, a header that is not UTF-8).</summary>
public sealed class CsvFileException : IOException
{
    public CsvFileException(string path, string message) : base(message) => Path = path;

    public string Path { get; }
}
