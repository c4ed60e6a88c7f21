namespace ApiTools.PowerShell.PlanFix;

/// <summary>The PlanFix lists whose items have an id and a number users see (tasks, contacts): the list with its filters,
/// or items by -Id or by -General.</summary>
public abstract class PlanFixNumberedCmdlet<T> : PlanFixCmdlet
{
    protected const string ByGeneralSet = "ByGeneral";

    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0)]
    [ValidateRange(1L, long.MaxValue)]
    [ArgumentCompleter(typeof(PlanFixIdCompleter))]
    public long[] Id { get; set; } = null!;

    /// <summary>The numbers users see (#1234).</summary>
    [Parameter(ParameterSetName = ByGeneralSet, Mandatory = true)]
    [ValidateRange(1L, long.MaxValue)]
    public long[] General { get; set; } = null!;

    protected abstract Task<T> GetById(long id, CancellationToken cancellationToken);

    protected abstract Task<T> GetByGeneral(long general, CancellationToken cancellationToken);

    /// <summary>Writes the list the List set's parameters ask for.</summary>
    protected abstract void WriteList();

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case ByIdSet:
                WriteEach(Id, GetById);
                break;
            case ByGeneralSet:
                WriteEach(General, GetByGeneral);
                break;
            default:
                WriteList();
                break;
        }
    }
}
