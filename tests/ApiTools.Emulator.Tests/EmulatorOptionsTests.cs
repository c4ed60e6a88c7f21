using System.Collections;

namespace ApiTools.Emulator.Tests;

public sealed class EmulatorOptionsTests
{
    [Fact]
    public void A_clone_has_every_value_and_its_own_lists_and_dictionaries()
    {
        var options = new EmulatorOptions
        {
            Seed = 7,
            Latency = TimeSpan.FromSeconds(3),
            PlanFixTimeZone = TimeZoneInfo.Utc,
            Faults = [new FaultRule { Status = 503 }],
        };

        var clone = options.Clone();

        foreach (var property in typeof(EmulatorOptions).GetProperties().Where(p => p.CanWrite))
        {
            var (original, copied) = (property.GetValue(options), property.GetValue(clone));
            Assert.Equal(original, copied);
            // A list shared with the caller would let a later change to it alter what a reset restores.
            if (original is IEnumerable and not string) Assert.NotSame(original, copied);
        }
    }
}
