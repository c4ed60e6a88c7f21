using System.IO;

namespace ApiTools.Errors;

/// <summary>
/// A file on this machine (a download, a checkpoint, a state file) could not be used. It is never a failure of the
/// service, so it is not retried (a repeat of the request would meet the same disk) and it concerns its own item only.
/// </summary>
public sealed class LocalFileException : IOException
{
    public LocalFileException(string path, LocalFileProblem problem, string message, Exception? inner = null)
        : base(message, inner)
    {
        Path = path;
        Problem = problem;
    }

    public string Path { get; }

    public LocalFileProblem Problem { get; }
}
