namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Get-PlanFixHandbookRecord: every record of a handbook, nested groups walked, streamed (handbook.getRecords),
/// values named from the handbook's structure; or records by key (handbook.getRecordMulti).</summary>
[Cmdlet(VerbsCommon.Get, "PlanFixHandbookRecord", SupportsPaging = true, DefaultParameterSetName = ListSet)]
[OutputType(typeof(PlanFixHandbookRecord))]
public sealed class GetPlanFixHandbookRecordCommand : PlanFixCmdlet
{
    private const string ByKeySet = "ByKey";

    /// <summary>The handbook's id or name; binds from a piped handbook's HandbookId.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("HandbookId")]
    [ValidateNotNullOrEmpty]
    public string Handbook { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = ByKeySet)]
    [ValidateRange(1L, long.MaxValue)]
    public long[] Key { get; set; } = null!;

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ByKeySet)
        {
            ForItem(Handbook, () => WriteObject(Await(ct => Client.GetHandbookRecordsByKeyAsync(Handbook, Key, ct)), enumerateCollection: true));
            return;
        }
        if (Budget.Spent) return;
        WriteStream(() => Client.GetHandbookRecordsAsync(Handbook, PagerCap, StopToken), target: Handbook, scope: $"handbook {Handbook}");
    }
}
