namespace ApiTools.Emulator.Infrastructure;

/// <summary>Host lifetime for an emulator inside another process (tests): starts at once, ignores console signals.</summary>
internal sealed class InProcessLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
