namespace ApiTools.Input;

/// <summary>
/// Evotor takes product images as PNG, at most 300×300 pixels and 5,242,800 bytes. Checked here from
/// the file's own header before anything is sent, so a wrong file is a clear local error, not a 400/413.
/// </summary>
public static class PngCheck
{
    public const int MaxBytes = 5_242_800;
    public const int MaxSide = 300;
    private static readonly byte[] Signature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

    /// <summary>Null when acceptable, else why not.</summary>
    public static string? Problem(byte[] bytes, out int width, out int height)
    {
        width = height = 0;
        if (bytes.Length > MaxBytes) return $"is {bytes.Length:N0} bytes; Evotor takes at most {MaxBytes:N0}";
        if (!IsPng(bytes)) return "is not a PNG image (Evotor takes PNG only)";
        width = BigEndian(bytes, 16);
        height = BigEndian(bytes, 20);
        if (width > MaxSide || height > MaxSide) return $"is {width}×{height} pixels; Evotor takes at most {MaxSide}×{MaxSide}";
        return null;
    }

    /// <summary>The bytes begin as a PNG does: its signature, then its IHDR chunk.</summary>
    public static bool IsPng(byte[] bytes) =>
        bytes.Length >= 24 && StartsWithSignature(bytes) && bytes[12] == (byte)'I' && bytes[13] == (byte)'H' && bytes[14] == (byte)'D' && bytes[15] == (byte)'R';

    private static bool StartsWithSignature(byte[] bytes)
    {
        for (var i = 0; i < Signature.Length; i++) if (bytes[i] != Signature[i]) return false;
        return true;
    }

    private static int BigEndian(byte[] b, int at) => (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];
}
