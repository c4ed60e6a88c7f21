using ApiTools.Input;

namespace ApiTools.Tests.Input;

public class FileAndImageChecksTests
{
    [Theory]
    [InlineData("photo.png", "photo.png")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\Windows\\evil.png", "evil.png")]
    [InlineData("/abs/path/x.png", "x.png")]
    [InlineData("C:\\temp\\y.png", "y.png")]
    [InlineData("a:b*c?.png", "a_b_c_.png")]
    [InlineData("..", "fallback.png")]
    [InlineData("", "fallback.png")]
    [InlineData(null, "fallback.png")]
    [InlineData("name.", "name")]
    public void Server_file_names_are_reduced_to_a_plain_name(string? serverName, string expected)
    {
        Assert.Equal(expected, SafeFileName.From(serverName, "fallback.png"));
    }

    [Fact]
    public void Every_sanitised_name_stays_inside_the_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "apitools-safe-" + Guid.NewGuid().ToString("N"));
        foreach (var hostile in new[] { "../x", "..\\x", "/x", "a/../../x", "....//x", "\u0000x", ".." })
        {
            var path = SafeFileName.Inside(folder, SafeFileName.From(hostile, "f.png"));
            Assert.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, path);
        }
        Assert.Throws<InvalidOperationException>(() => SafeFileName.Inside(folder, "../escape.png"));
    }

    [Fact]
    public void A_small_png_passes_and_its_size_is_read_from_the_header()
    {
        Assert.Null(PngCheck.Problem(TestPng.Make(120, 80), out var w, out var h));
        Assert.Equal((120, 80), (w, h));
    }

    [Fact]
    public void Too_many_pixels_too_many_bytes_and_not_png_are_refused()
    {
        Assert.Contains("301×10", PngCheck.Problem(TestPng.Make(301, 10), out _, out _));
        Assert.Contains("5,242,800", PngCheck.Problem(new byte[PngCheck.MaxBytes + 1], out _, out _));
        Assert.Contains("not a PNG", PngCheck.Problem(System.Text.Encoding.ASCII.GetBytes("GIF89a............................"), out _, out _));
    }
}

/// <summary>A real, minimal PNG (one grey colour), so checks read genuine headers.</summary>
public static class TestPng
{
    public static byte[] Make(int width, int height)
    {
        using var ms = new MemoryStream();
        ms.Write(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        var ihdr = new byte[13];
        WriteBE(ihdr, 0, width); WriteBE(ihdr, 4, height);
        ihdr[8] = 8; ihdr[9] = 0; // 8-bit greyscale
        Chunk(ms, "IHDR", ihdr);
        var raw = new byte[(width + 1) * height]; // filter byte 0 + zero pixels per row
        using (var z = new MemoryStream())
        {
            using (var deflate = new System.IO.Compression.ZLibStream(z, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
                deflate.Write(raw);
            Chunk(ms, "IDAT", z.ToArray());
        }
        Chunk(ms, "IEND", Array.Empty<byte>());
        return ms.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var len = new byte[4]; WriteBE(len, 0, data.Length); s.Write(len);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        s.Write(typeBytes); s.Write(data);
        var crc = new byte[4]; WriteBE(crc, 0, (int)Crc(typeBytes.Concat(data).ToArray())); s.Write(crc);
    }

    private static uint Crc(byte[] bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            c ^= b;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        return c ^ 0xFFFFFFFFu;
    }

    private static void WriteBE(byte[] b, int at, int v) { b[at] = (byte)(v >> 24); b[at + 1] = (byte)(v >> 16); b[at + 2] = (byte)(v >> 8); b[at + 3] = (byte)v; }
}
