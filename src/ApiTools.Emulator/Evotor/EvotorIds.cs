namespace ApiTools.Emulator.Evotor;

/// <summary>Evotor-style ids: "20170228-F4F1-401B-80FA-9ECCA8451FFB", the first block being the creation date.</summary>
internal static class EvotorIds
{
    public static string New(Random random, DateTimeOffset created)
    {
        Span<byte> bytes = stackalloc byte[12];
        random.NextBytes(bytes);
        var hex = Convert.ToHexString(bytes); // uppercase, 24 chars = 4-4-4-12
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, stackalloc char[37],
            $"{created.UtcDateTime:yyyyMMdd}-{hex.AsSpan(0, 4)}-{hex.AsSpan(4, 4)}-{hex.AsSpan(8, 4)}-{hex.AsSpan(12, 12)}");
    }
}
