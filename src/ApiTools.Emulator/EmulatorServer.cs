using ApiTools.Emulator.Control;
using ApiTools.Emulator.EnDocs;
using ApiTools.Emulator.Evotor;
using ApiTools.Emulator.Infrastructure;
using ApiTools.Emulator.PlanFix;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ApiTools.Emulator;

/// <summary>
/// A running emulator: real Kestrel on a loopback port, serving Evotor under /evotor, EnDocs under
/// /endocs, PlanFix under /planfix/xml and the control surface under /_emulator. Tests start one
/// in-process; <c>Program</c> runs the same thing from the command line.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorControl _control;
    private int _disposed;

    private EmulatorServer(WebApplication app, Uri address, EmulatorControl control, EvotorSeed evotor, EnDocsSeed enDocs, PlanFixSeed planFix)
    {
        _app = app;
        _control = control;
        Address = address;
        EvotorBaseUri = new Uri(address, "evotor");
        Evotor = evotor;
        EnDocsBaseUri = new Uri(address, "endocs");
        EnDocs = enDocs;
        PlanFixBaseUri = new Uri(address, "planfix/xml/");
        PlanFix = planFix;
    }

    /// <summary>The bound root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Evotor's base URI, e.g. <c>http://127.0.0.1:41234/evotor</c> (no trailing slash).</summary>
    public Uri EvotorBaseUri { get; }

    /// <summary>
    /// EnDocs' base URI, e.g. <c>http://127.0.0.1:41234/endocs</c> (no trailing slash); the same routes
    /// also answer under <c>/endocs/api</c>.
    /// </summary>
    public Uri EnDocsBaseUri { get; }

    /// <summary>The EnDocs data (seed and writes since), and write counters per route, for assertions.</summary>
    public EnDocsSeed EnDocs { get; }

    /// <summary>PlanFix's endpoint, e.g. <c>http://127.0.0.1:41234/planfix/xml/</c>: every call is a POST to it.</summary>
    public Uri PlanFixBaseUri { get; }

    /// <summary>The PlanFix data (seed and writes since), sids issued and the quota left, for assertions.</summary>
    public PlanFixSeed PlanFix { get; }

    /// <summary>Live settings; changes apply to the next request.</summary>
    public EmulatorSettings Settings => _control.Settings;

    /// <summary>Service requests counted per route key.</summary>
    public RequestCounter Requests => _control.Requests;

    /// <summary>Injected faults waiting for requests.</summary>
    public FaultQueue Faults => _control.Faults;

    /// <summary>The seeded Evotor data, for assertions.</summary>
    public EvotorSeed Evotor { get; }

    /// <summary>Starts an emulator; port 0 in <paramref name="url"/> picks a free port (see <see cref="Address"/>).</summary>
    public static Task<EmulatorServer> StartAsync(EmulatorOptions? options = null, string url = "http://127.0.0.1:0") =>
        StartAsync(options ?? new EmulatorOptions(), url, commandLine: false);

    internal static async Task<EmulatorServer> StartAsync(EmulatorOptions options, string url, bool commandLine)
    {
        ArgumentNullException.ThrowIfNull(url);
        options.Validate();
        // A private copy: a caller mutating its options object later must not change what "reset" restores.
        options = options.Clone();

        // The empty builder: no appsettings files (whose change watchers exhaust inotify when tests start
        // many servers), no environment-driven configuration; only what the emulator needs.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().UseUrls(url);
        // Evotor refuses bodies over 10 MB itself (413 in its own format, see EvotorBody). Kestrel's cap sits
        // well above that so such bodies reach that check, and are drained rather than cutting the connection.
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = 32L * 1024 * 1024);
        builder.Services.AddRoutingCore();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        // Requests held by latency end on shutdown anyway (see ServiceRequestMiddleware); this only bounds the drain.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        // In a test process the host must not take over Ctrl+C/SIGTERM; the command line wants exactly that.
        if (!commandLine) builder.Services.AddSingleton<IHostLifetime, InProcessLifetime>();

        var settings = new EmulatorSettings(options);
        var requests = new RequestCounter();
        var faults = new FaultQueue(options.FaultSeed);
        foreach (var rule in options.Faults) faults.Enqueue(rule);
        var evotor = EvotorSeed.Generate(options, settings, DateTimeOffset.UtcNow);
        var enDocs = EnDocsSeed.Generate(options, DateTimeOffset.UtcNow);
        var planFix = PlanFixSeed.Generate(options, settings, TimeProvider.System, DateTimeOffset.UtcNow);
        IEmulatedService[] services =
        [
            new EvotorService(options, settings, evotor, TimeProvider.System),
            new EnDocsService(options, settings, enDocs, TimeProvider.System),
            new PlanFixService(options, settings, planFix, TimeProvider.System),
        ];
        var control = new EmulatorControl(settings, requests, faults, services);
        builder.Services.AddSingleton(settings).AddSingleton(requests).AddSingleton(faults);

        var app = builder.Build();
        app.UseRouting();
        app.UseMiddleware<ServiceRequestMiddleware>();
        ControlEndpoints.Map(app, control);
        ControlEndpoints.MapEnDocs(app, enDocs);
        foreach (var service in services)
        {
            service.MapEndpoints(app.MapGroup(service.Prefix).WithMetadata(new ServiceRouteMetadata(service)));
            service.MapUnprefixed(app);
        }

        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return new EmulatorServer(app, BoundAddress(app), control, evotor, enDocs, planFix);
    }

    /// <summary>Clears counters, faults and rate windows and restores the startup settings (as POST /_emulator/reset).</summary>
    public void Reset() => _control.Reset();

    /// <summary>Completes when the route's counter reaches <paramref name="count"/>; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public Task WaitForRequestAsync(string routeKey, int count, TimeSpan timeout) =>
        Requests.WaitForRequestAsync(routeKey, count, timeout);

    /// <summary>Stops Kestrel; requests still waiting out latency are ended.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Runs until Ctrl+C or SIGTERM (command line only).</summary>
    internal Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    private static Uri BoundAddress(WebApplication app)
    {
        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var uri = new UriBuilder(bound) { Path = "/" };
        // Listening on every interface ("http://[::]:5000", "0.0.0.0"): clients on this machine still use loopback.
        if (uri.Host is "[::]" or "::" or "0.0.0.0" or "+" or "*") uri.Host = "127.0.0.1";
        return uri.Uri;
    }
}
