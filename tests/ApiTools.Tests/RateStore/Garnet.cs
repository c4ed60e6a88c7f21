using ApiTools.Testing;

namespace ApiTools.Tests.RateStore;

/// <summary>One garnet-server for a test class: started before its first test, stopped by PID after its last.</summary>
public sealed class Garnet : IAsyncLifetime
{
    public GarnetServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await GarnetServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
