using ApiTools.Emulator.Infrastructure;

namespace ApiTools.Emulator.Control;

/// <summary>The state a test or a script steers: shared by <see cref="EmulatorServer"/> and the /_emulator routes.</summary>
internal sealed class EmulatorControl(
    EmulatorSettings settings,
    RequestCounter requests,
    FaultQueue faults,
    IEnumerable<IEmulatedService> services)
{
    public EmulatorSettings Settings => settings;
    public RequestCounter Requests => requests;
    public FaultQueue Faults => faults;

    /// <summary>Back to the state right after start: counters, faults, rate windows and live settings.</summary>
    public void Reset()
    {
        faults.Clear();
        faults.Reseed(faults.StartSeed);
        settings.RestoreStartup();
        foreach (var service in services) service.Reset();
        requests.Reset();
    }
}
