using System;

namespace ApiTools.Evotor;

/// <summary>Every Evotor path in one place, relative to the API root.</summary>
internal static class EvotorRoutes
{
    public const string Stores = "stores";

    public static string Store(string storeId) => $"stores/{Segment(storeId)}";

    /// <summary>Escapes an id into one path segment, so an id can never step into another route.</summary>
    public static string Segment(string id)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("An id must not be empty.", nameof(id));
        return Uri.EscapeDataString(id);
    }
}
