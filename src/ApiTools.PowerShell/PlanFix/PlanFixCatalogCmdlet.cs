namespace ApiTools.PowerShell.PlanFix;

/// <summary>The PlanFix lists that come in one answer and whose items can be read whole by id or by name (handbooks with
/// their structure, analitics with their fields).</summary>
public abstract class PlanFixCatalogCmdlet<T> : PlanFixCmdlet
{
    protected const string ByNameSet = "ByName";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
    [ValidateRange(1L, long.MaxValue)]
    public long[] Id { get; set; } = null!;

    [Parameter(Mandatory = true, ParameterSetName = ByNameSet)]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = null!;

    protected abstract Task<IReadOnlyList<T>> List(CancellationToken cancellationToken);

    protected abstract Task<T> Get(long id, CancellationToken cancellationToken);

    /// <summary>The item of that name (or id), read whole; a name the account has none of is an error naming it.</summary>
    protected abstract Task<T> Resolve(string name, CancellationToken cancellationToken);

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case ByIdSet:
                WriteEach(Id, Get);
                break;
            case ByNameSet:
                WriteEach(Name, Resolve);
                break;
            default:
                ForItem(null, () => WriteObject(Await(List), enumerateCollection: true));
                break;
        }
    }
}
