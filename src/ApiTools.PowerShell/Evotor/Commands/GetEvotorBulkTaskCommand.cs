using ApiTools.PowerShell.Evotor.Completers;

namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Get-EvotorBulkTask: bulk import tasks with their status and per-item details, or tasks by id.</summary>
[Cmdlet(VerbsCommon.Get, "EvotorBulkTask", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(BulkTask))]
public sealed class GetEvotorBulkTaskCommand : EvotorCmdlet
{

    /// <summary>Task ids; binds from a task's Id, or the TaskId of an import result.</summary>
    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("BulkTaskId", "TaskId")]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    public string[] Id { get; set; } = null!;

    /// <summary>product, product-group (Tab completes them; any other goes to Evotor as written).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(BulkTypeCompleter))]
    public string[]? Type { get; set; }

    /// <summary>ACCEPTED, RUNNING, COMPLETED, FAILED, DECLINED (Tab completes them; any other goes to Evotor as written).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(BulkStatusCompleter))]
    public string[]? Status { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ListSet)
        {
            var query = new BulkTaskQuery
            {
                Types = Type is null ? null : Array.ConvertAll(Type, t => EvotorEnums.Match(EvotorEnums.BulkTypes, t) ?? t.Trim()),
                Statuses = Status is null ? null : Array.ConvertAll(Status, s => EvotorEnums.Match(EvotorEnums.BulkStatuses, s) ?? s.Trim()),
            };
            WriteStream(Client.GetBulkTasksAsync(query, PagerCap, StopToken));
            return;
        }
        WriteEach(Id, Client.GetBulkTaskAsync);
    }
}
