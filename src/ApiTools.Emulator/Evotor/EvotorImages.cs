using System.Buffers.Binary;

namespace ApiTools.Emulator.Evotor;

/// <summary>Product images of one store: at most one per product (the contract's rule).</summary>
internal sealed class EvotorImageStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SeedProductImage> _byProduct = new(StringComparer.Ordinal);

    public SeedProductImage? OfProduct(string productId)
    {
        lock (_gate) return _byProduct.GetValueOrDefault(productId);
    }

    /// <summary>Adds the product's image; false when it already has one.</summary>
    public bool TryAdd(SeedProductImage image)
    {
        lock (_gate) return _byProduct.TryAdd(image.ProductId, image);
    }

    public bool Remove(string productId, string imageId)
    {
        lock (_gate) return _byProduct.TryGetValue(productId, out var image) && image.Id == imageId && _byProduct.Remove(productId);
    }

    /// <summary>Drops the images of deleted products.</summary>
    public void RemoveProducts(IEnumerable<string> productIds)
    {
        lock (_gate)
            foreach (var id in productIds) _byProduct.Remove(id);
    }

    public void Clear()
    {
        lock (_gate) _byProduct.Clear();
    }
}

/// <summary>The PNG checks of an image upload: signature, a well-formed IHDR (CRC included), the pixel size.</summary>
internal static class EvotorPng
{
    public const int MaxBytes = 5_242_800;
    public const int MaxSide = 300;

    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Reads width and height from a PNG's IHDR; false for anything that is not a PNG.</summary>
    public static bool TryReadSize(ReadOnlySpan<byte> data, out int width, out int height)
    {
        width = height = 0;
        // Signature (8), then the first chunk: length 13, "IHDR", 13 bytes of data, CRC (4).
        if (data.Length < 33 || !data[..8].SequenceEqual(Signature)) return false;
        if (BinaryPrimitives.ReadUInt32BigEndian(data[8..]) != 13 || !data.Slice(12, 4).SequenceEqual("IHDR"u8)) return false;
        if (BinaryPrimitives.ReadUInt32BigEndian(data[29..]) != Crc32(data.Slice(12, 17))) return false;
        var w = BinaryPrimitives.ReadUInt32BigEndian(data[16..]);
        var h = BinaryPrimitives.ReadUInt32BigEndian(data[20..]);
        if (w is 0 or > int.MaxValue || h is 0 or > int.MaxValue) return false;
        (width, height) = ((int)w, (int)h);
        return true;
    }

    private static readonly uint[] CrcTable = MakeTable();

    private static uint[] MakeTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes) c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }
}
