namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Get-EvotorEmployee: the account's employees, or those working in the given stores, or employees by id.</summary>
[Cmdlet(VerbsCommon.Get, "EvotorEmployee", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(Employee))]
public sealed class GetEvotorEmployeeCommand : EvotorAccountListCmdlet<Employee>
{
    protected override IAsyncEnumerable<Employee> List(PageRange range, CancellationToken ct) => Client.GetEmployeesAsync(range, ct);

    protected override Task<Employee> Get(string id, CancellationToken ct) => Client.GetEmployeeAsync(id, ct);

    protected override bool BelongsTo(Employee item, ISet<string> stores) => item.Stores?.Any(stores.Contains) == true;
}
