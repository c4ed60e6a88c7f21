using System.Collections;

namespace ApiTools.PowerShell.Evotor;

/// <summary>
/// Tab completion of Evotor ids (see <see cref="LiveCompleter{TConnection,TClient}"/>): -StoreId offers stores, -DeviceId
/// terminals, -ParentId product groups, -ProductId products, and -Id what the command is about; products and groups are
/// those of the -StoreId typed before.
/// </summary>
public sealed class EvotorIdCompleter : LiveCompleter<EvotorConnection, EvotorClient>
{
    private const string Stores = "stores", Devices = "devices", Products = "products", Groups = "groups";

    private protected override ServiceKit<EvotorConnection, EvotorClient> Kit => EvotorKit.Instance;

    private protected override string? Scope(string commandName, string parameterName, IDictionary fakeBoundParameters)
    {
        var list = parameterName switch
        {
            "StoreId" => Stores,
            "DeviceId" => Devices,
            "ParentId" => Groups,
            "ProductId" => Products,
            "Id" when commandName.EndsWith("EvotorStore", StringComparison.OrdinalIgnoreCase) => Stores,
            "Id" when commandName.EndsWith("EvotorDevice", StringComparison.OrdinalIgnoreCase) => Devices,
            "Id" when commandName.EndsWith("EvotorProductGroup", StringComparison.OrdinalIgnoreCase) => Groups,
            "Id" when commandName.EndsWith("EvotorProduct", StringComparison.OrdinalIgnoreCase) => Products,
            _ => null,
        };
        if (list is Stores or Devices) return list;
        return list is null || Typed(fakeBoundParameters, "StoreId") is not string store ? null : list + "|" + store;
    }

    private protected override Task<IReadOnlyList<Choice>> ListAsync(EvotorClient client, string scope, CancellationToken cancellationToken)
    {
        var page = new PageRange(0, Most);
        var parts = scope.Split('|');
        return parts[0] switch
        {
            Stores => Choice.FromAsync(client.GetStoresAsync(page, cancellationToken), s => new Choice(s.Id, s.Name), Most, cancellationToken),
            Devices => Choice.FromAsync(client.GetDevicesAsync(page, cancellationToken), d => new Choice(d.Id, d.Name), Most, cancellationToken),
            Groups => Choice.FromAsync(client.GetProductGroupsAsync(parts[1], page, cancellationToken), g => new Choice(g.Id, g.Name), Most, cancellationToken),
            _ => Choice.FromAsync(client.GetProductsAsync(parts[1], null, page, cancellationToken), p => new Choice(p.Id, p.Name), Most, cancellationToken),
        };
    }
}
