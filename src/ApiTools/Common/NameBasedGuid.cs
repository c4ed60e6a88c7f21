using System.Security.Cryptography;
using System.Text;

namespace ApiTools.Common;

/// <summary>RFC 4122 version-5 (SHA-1, name-based) UUIDs: the same name always gives the same id, so
/// re-running an import makes the same ids and the same chunks.</summary>
public static class NameBasedGuid
{
    /// <summary>The namespace of ApiTools' import ids (a fixed random UUID).</summary>
    public static readonly Guid ImportNamespace = new("5b1f6f8e-3c59-4d7e-9a3b-0e2f7c4d8a61");

    public static Guid Create(Guid ns, string name)
    {
        var nsBytes = ns.ToByteArray();
        SwapToNetworkOrder(nsBytes);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        byte[] hash;
        using (var sha1 = SHA1.Create())
        {
            sha1.TransformBlock(nsBytes, 0, nsBytes.Length, null, 0);
            sha1.TransformFinalBlock(nameBytes, 0, nameBytes.Length);
            hash = sha1.Hash!;
        }
        var bytes = new byte[16];
        Array.Copy(hash, bytes, 16);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50); // version 5
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        SwapToNetworkOrder(bytes);
        return new Guid(bytes);
    }

    // Guid's byte array is little-endian in its first three fields; RFC 4122 hashes network order.
    private static void SwapToNetworkOrder(byte[] g)
    {
        (g[0], g[3]) = (g[3], g[0]);
        (g[1], g[2]) = (g[2], g[1]);
        (g[4], g[5]) = (g[5], g[4]);
        (g[6], g[7]) = (g[7], g[6]);
    }
}
