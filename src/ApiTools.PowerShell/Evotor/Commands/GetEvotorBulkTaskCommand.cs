using ApiTools.Evotor.Models;
using ApiTools.Evotor.Requests;

namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Get-EvotorBulkTask: bulk import tasks with their status and per-item details, or tasks by id.</summary>
[Cmdlet(VerbsCommon.Get, "EvotorBulkTask", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(BulkTask))]
public sealed class GetEvotorBulkTaskCommand : EvotorCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";

    /// <summary>Task ids; binds from a task's Id, or the TaskId of an import result.</summary>
    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("BulkTaskId", "TaskId")]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    public string[] Id { get; set; } = null!;

    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("product", "product-group")]
    public string[]? Type { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("ACCEPTED", "RUNNING", "COMPLETED", "FAILED", "DECLINED")]
    public string[]? Status { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ListSet)
        {
            var query = new BulkTaskQuery
            {
                Types = Type is null ? null : Array.ConvertAll(Type, t => t.ToLowerInvariant()),
                Statuses = Status is null ? null : Array.ConvertAll(Status, s => s.ToUpperInvariant()),
            };
            WriteStream(Client.GetBulkTasksAsync(query, PagerCap, StopToken));
            return;
        }
        foreach (var id in Id) ForItem(id, () => WriteObject(Await(ct => Client.GetBulkTaskAsync(id, ct))));
    }
}
