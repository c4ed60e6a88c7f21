namespace ApiTools.PlanFix.Models;

/// <summary>A file of a task (file.getListForTask, file.get) or one just uploaded. <see cref="Id"/> is shared by every
/// version of a file, <see cref="UniqueId"/> names one version; <see cref="FileId"/> repeats <see cref="Id"/> for binding.</summary>
public sealed class PlanFixFile : PlanFixItem
{
    public long Id { get; set; }
    public long FileId => Id;
    public long? UniqueId { get; set; }
    public string? Name { get; set; }
    public int? Version { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset? Date { get; set; }

    /// <summary>FILESYSTEM, INTERNET or PROJECT.</summary>
    public string? SourceType { get; set; }

    /// <summary>Size in kilobytes, as PlanFix gives it.</summary>
    public decimal? Size { get; set; }
    public long? TaskId { get; set; }
    public string? TaskTitle { get; set; }
    public long? ProjectId { get; set; }
    public string? ProjectTitle { get; set; }
    public long? UserId { get; set; }
    public string? UserName { get; set; }
    public string? DownloadLink { get; set; }

    public override string ToString() => Name ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
