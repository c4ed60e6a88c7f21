using ApiTools.Emulator;

namespace ApiTools.PowerShell.Tests.Support;

public static class Emulator
{
    public const string Token = "evotor-demo-token";
    public const string RouteStores = "GET /evotor/stores";
    public const string RouteStore = "GET /evotor/stores/{id}";

    public static Task<EmulatorServer> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions();
        configure?.Invoke(options);
        return EmulatorServer.StartAsync(options);
    }

    /// <summary>Connects the session's default Evotor connection to <paramref name="server"/>.</summary>
    public static void Connect(this PowerShellSession session, EmulatorServer server, string token = Token)
    {
        var r = session.Run("Connect-Evotor -Token $t -BaseUri $u -SkipCheck", new Dictionary<string, object> { ["t"] = token, ["u"] = server.EvotorBaseUri });
        if (r.Failure is not null || r.Errors.Count > 0) throw new InvalidOperationException("Connect-Evotor failed");
    }
}

public static class PSObjectAssert
{
    public const string StoreType = "ApiTools.Evotor.Models.Store";

    /// <summary>Asserts the object is the module's typed Store (checked by name: the test must not load its own copy of the module's types).</summary>
    public static System.Management.Automation.PSObject IsStore(System.Management.Automation.PSObject o)
    {
        Assert.Equal(StoreType, o.BaseObject.GetType().FullName);
        return o;
    }

    public static string? Prop(this System.Management.Automation.PSObject o, string name) => o.Properties[name]?.Value?.ToString();
}
