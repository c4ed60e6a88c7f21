namespace ApiTools.Emulator.Evotor;

/// <summary>
/// A tiny splitmix64 generator keyed by (seed, stream, a, b): cheap to create per item, so an item's
/// fields can be regenerated from its index at any time instead of being kept in memory.
/// </summary>
internal struct SeedRandom
{
    private ulong _state;

    private SeedRandom(ulong state) => _state = state;

    public static SeedRandom For(int seed, int stream, long a = 0, long b = 0)
    {
        var s = Mix(unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL + (ulong)stream));
        s = Mix(s ^ unchecked((ulong)a * 0xBF58476D1CE4E5B9UL));
        s = Mix(s ^ unchecked((ulong)b * 0x94D049BB133111EBUL));
        return new SeedRandom(s);
    }

    public ulong NextUInt64()
    {
        _state = unchecked(_state + 0x9E3779B97F4A7C15UL);
        return Mix(_state);
    }

    /// <summary>0 ≤ result &lt; max.</summary>
    public int Next(int max) => max <= 1 ? 0 : (int)((NextUInt64() >> 1) % (ulong)max);

    /// <summary>min ≤ result &lt; max.</summary>
    public int Next(int min, int max) => min + Next(max - min);

    /// <summary>min ≤ result &lt; max.</summary>
    public long NextInt64(long min, long max) => max - min <= 1 ? min : min + (long)((NextUInt64() >> 1) % (ulong)(max - min));

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> values) => values[Next(values.Count)];

    /// <summary>A lowercase random (version 4) UUID, as Evotor's clients make product ids.</summary>
    public string Uuid() => SeedUuid.Format(NextUInt64(), NextUInt64());

    public string Digits(int count)
    {
        Span<char> chars = stackalloc char[count];
        for (var i = 0; i < count; i++) chars[i] = (char)('0' + Next(10));
        return new string(chars);
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}

internal static class SeedUuid
{
    /// <summary>Formats 128 bits as a lowercase v4 UUID; the first 32 bits stay as given (callers use them to order ids).</summary>
    public static string Format(ulong high, ulong low)
    {
        high = (high & 0xFFFFFFFFFFFF0FFFUL) | 0x0000000000004000UL; // version 4
        low = (low & 0x3FFFFFFFFFFFFFFFUL) | 0x8000000000000000UL;   // RFC variant
        return string.Create(36, (high, low), static (span, v) =>
        {
            const string hex = "0123456789abcdef";
            var pos = 0;
            for (var i = 0; i < 32; i++)
            {
                if (i is 8 or 12 or 16 or 20) span[pos++] = '-';
                var word = i < 16 ? v.high : v.low;
                var shift = 60 - 4 * (i % 16);
                span[pos++] = hex[(int)((word >> shift) & 0xF)];
            }
        });
    }

    public static string New(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return Format(BitConverter.ToUInt64(bytes), BitConverter.ToUInt64(bytes[8..]));
    }
}
