namespace ApiTools.PlanFix.Models;

/// <summary>A file downloaded into a folder, or kept because one of its name was there and overwriting was not asked for.</summary>
public sealed class PlanFixSavedFile
{
    public long? FileId { get; set; }
    public long? UniqueId { get; set; }

    /// <summary>The name the file had in PlanFix (shown, never used as a path as it is).</summary>
    public string? ServerFileName { get; set; }

    /// <summary>Full path inside the folder: the name made safe.</summary>
    public string Path { get; set; } = "";
    public long Bytes { get; set; }
    public bool Skipped { get; set; }

    public override string ToString() => Path;
}
