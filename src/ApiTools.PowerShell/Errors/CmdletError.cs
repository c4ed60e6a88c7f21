namespace ApiTools.PowerShell.Errors;

/// <summary>
/// The errors the cmdlets raise themselves, before or beside any answer of a service: the stable second half of their
/// ids (<c>Evotor.FileNotFound</c>, <c>EnDocs.StateUnreadable</c>). Errors from a service's answer take theirs from
/// <see cref="ApiTools.Errors.ApiErrorKind"/>. The two sets never share a name, and no id is written anywhere else.
/// </summary>
public enum CmdletError
{
    /// <summary>A parameter value no request can satisfy (-Since after -Until, a method that is not a verb).</summary>
    InvalidArgument,

    /// <summary>-Id without -StoreId where Evotor looks items up within a store.</summary>
    StoreIdRequired,

    /// <summary>An Update- cmdlet given nothing to change.</summary>
    EmptyPatch,

    /// <summary>PlanFix -Body that is not XML.</summary>
    InvalidBody,

    /// <summary>A file to read or upload is not there.</summary>
    FileNotFound,

    /// <summary>A file to read is there but cannot be read.</summary>
    FileUnreadable,

    /// <summary>A file to save exists and -Force was not given.</summary>
    FileExists,

    /// <summary>A name from the server would land outside the folder.</summary>
    UnsafeFileName,

    /// <summary>A CSV whose header or encoding no row can be read with.</summary>
    InvalidCsv,

    /// <summary>A bulk import checkpoint of another import, damaged, or not writable.</summary>
    CheckpointUnusable,

    /// <summary>An incremental-sync state file that does not hold an id.</summary>
    StateUnreadable,

    /// <summary>A row the server refused inside a bulk task.</summary>
    BulkItemFailed,

    /// <summary>A file to save could not be written: a full disk, no permission, a name the file system refuses.</summary>
    FileUnwritable,

    /// <summary>A checkpoint or state file another import or sync holds right now.</summary>
    FileInUse,

    /// <summary>A checkpoint or state file that is a symbolic link: the module never writes through one.</summary>
    FileIsLink,
}
