using System.IO;

namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Add-PlanFixFile: uploads files and attaches them to a task (file.upload: the content as base64 inside one XML
/// call; not repeated once PlanFix may have acted). Writes each file as PlanFix names it (Name, UniqueId).</summary>
[Cmdlet(VerbsCommon.Add, "PlanFixFile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PlanFixFile))]
public sealed class AddPlanFixFileCommand : PlanFixCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1L, long.MaxValue)]
    public long TaskId { get; set; }

    /// <summary>The files to upload (literal paths); binds from piped FileInfo's FullName.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = null!;

    /// <summary>The name in PlanFix (one file only); without it, the file's own name.</summary>
    [Parameter] [ValidateNotNullOrEmpty] public string? Name { get; set; }

    [Parameter] public string? Description { get; set; }

    /// <summary>A file of that name on the task gets a new version instead of error 9006.</summary>
    [Parameter] public SwitchParameter NewVersion { get; set; }

    /// <summary>Attach as a new comment carrying the file rather than to the task itself.</summary>
    [Parameter] public SwitchParameter AsComment { get; set; }

    protected override void ProcessRecord()
    {
        if (Name is not null && Path.Length > 1)
        {
            ThrowTerminatingError(CmdletError.InvalidArgument, new ArgumentException("-Name names one file; give one -Path with it."), Name);
            return;
        }
        foreach (var given in Path)
        {
            var full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(given);
            if (!File.Exists(full))
            {
                WriteError(CmdletError.FileNotFound, new FileNotFoundException($"'{given}' is not a file; nothing was uploaded for it.", full), given);
                continue;
            }
            if (!ShouldProcess($"PlanFix task {TaskId}", $"Upload '{full}'")) continue;
            ForItem(given, () =>
            {
                foreach (var file in Await(ct => Client.UploadFileAsync(TaskId, full, Name, Description, NewVersion, AsComment ? "action" : "task", ct)))
                    WriteObject(file);
            });
        }
    }
}
