using ApiTools.Emulator;
using ApiTools.PowerShell.Tests.Support;
using static ApiTools.PowerShell.Tests.Support.Emulator;

namespace ApiTools.PowerShell.Tests.Evotor;

public class ImportEvotorBulkStopTests
{
    [Fact]
    public async Task Stop_while_a_bulk_PUT_waits_on_a_slow_server_returns_after_the_short_grace()
    {
        await using var server = await StartAsync(o => o.EvotorStores = 1);
        using var session = new PowerShellSession();
        session.Connect(server);
        server.Settings.Latency = TimeSpan.FromSeconds(30);
        using var ps = session.Create(
            "1..10 | ForEach-Object { [pscustomobject]@{ Name = \"P$_\"; Price = '1'; MeasureName = 'шт'; Tax = 'NO_VAT'; Type = 'NORMAL'; AllowToSell = 'true' } } |" +
            " Import-EvotorBulk -StoreId $s -Confirm:$false",
            new Dictionary<string, object> { ["s"] = server.Evotor.Stores[0].Id });

        // The PUT on its way gets BulkImportOptions.CancelGrace (1 s) to bring back its task; then the command stops.
        await StopCheck.StopsWithinAsync(ps, server, EvotorRouteKeys.PutProducts, TimeSpan.FromSeconds(3));
    }
}
