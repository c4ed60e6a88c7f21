namespace ApiTools.Emulator;

/// <summary>Route keys of the Evotor endpoints, as <see cref="RequestCounter"/> and /_emulator/requests name them.</summary>
public static class EvotorRouteKeys
{
    /// <summary>GET /evotor/stores (paged list).</summary>
    public const string Stores = "GET /evotor/stores";

    /// <summary>GET /evotor/stores/{id}.</summary>
    public const string Store = "GET /evotor/stores/{id}";
}
