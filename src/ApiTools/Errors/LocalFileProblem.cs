namespace ApiTools.Errors;

/// <summary>Why a file on this machine could not be used (see <see cref="LocalFileException"/>).</summary>
public enum LocalFileProblem
{
    /// <summary>It could not be written: a full disk, no permission, a name the file system refuses.</summary>
    Unwritable,

    /// <summary>Another import or sync (in this process or another) holds it.</summary>
    InUse,

    /// <summary>It is a symbolic link: the module never writes through one.</summary>
    IsLink,
}
