namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Get-EvotorDevice: the account's smart terminals, or those of the given stores, or terminals by id.</summary>
[Cmdlet(VerbsCommon.Get, "EvotorDevice", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(Device))]
public sealed class GetEvotorDeviceCommand : EvotorAccountListCmdlet<Device>
{
    protected override IAsyncEnumerable<Device> List(PageRange range, CancellationToken ct) => Client.GetDevicesAsync(range, ct);

    protected override Task<Device> Get(string id, CancellationToken ct) => Client.GetDeviceAsync(id, ct);

    protected override bool BelongsTo(Device item, ISet<string> stores) => item.StoreId is not null && stores.Contains(item.StoreId);
}
