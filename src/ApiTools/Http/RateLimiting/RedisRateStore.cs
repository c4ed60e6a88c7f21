using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace ApiTools.Http.RateLimiting;

/// <summary>
/// A Redis (or Valkey, Garnet, Azure Cache for Redis: anything speaking its protocol) that keeps the rate budgets of
/// keys shared by several processes and hosts: one per configuration in a process, connecting from the moment it is
/// made. Every call to it is bounded (<see cref="CallBound"/>): a late answer is not waited for (that request is paced
/// by the process's own limiter). A failed call, or <see cref="LateCallsToLose"/> late ones in a row, make the store
/// lost: the limiters serve from the process's own budget (with one warning) until a later call, at most every
/// 5 s, finds it back (with one more). It shows its endpoints, never the password.
/// </summary>
public sealed class RedisRateStore
{
    /// <summary>The environment variable that names a store for every connection of the process.</summary>
    public const string Variable = "APITOOLS_REDIS";

    /// <summary>The longest a request waits for the store on top of its pace: a later answer is not waited for.</summary>
    public static readonly TimeSpan CallBound = TimeSpan.FromMilliseconds(500);

    /// <summary>How long the first call waits for the connection a new store is making, and for its first answer (a
    /// refused connection fails at once; the first call of a process also loads and compiles the client, which takes
    /// about a second on a busy machine).</summary>
    internal static readonly TimeSpan ConnectBound = TimeSpan.FromSeconds(5);

    /// <summary>Late answers in a row that make the store lost (one may be a pause of this machine, not the store's).</summary>
    internal const int LateCallsToLose = 3;

    /// <summary>While the store is lost, how often a call tries it again (the others use the process's budget).</summary>
    internal static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(5);

    private static readonly ConcurrentDictionary<string, RedisRateStore> Stores = new(StringComparer.Ordinal);

    private readonly Task<ConnectionMultiplexer> _connecting;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private bool _lost;
    private int _lateInARow;
    private bool _answered; // the first call of a process also loads and compiles the client: it gets ConnectBound
    private TimeSpan _lastTry;
    private string? _notice;

    private RedisRateStore(ConfigurationOptions options, string source)
    {
        Endpoints = string.Join(",", options.EndPoints.Select(Describe));
        Source = source;
        // Fail fast instead of queueing while disconnected, and never throw at connect: the caller's bound decides.
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = (int)ConnectBound.TotalMilliseconds;
        options.ReconnectRetryPolicy = new LinearRetry(500);
        options.ClientName ??= "ApiTools";
        _connecting = ConnectAsync(options);
    }

    /// <summary>Connects and loads the scripts, so that later calls send their hash (EVALSHA) rather than their text:
    /// many first calls at once would each have the server compile the same script.</summary>
    private static async Task<ConnectionMultiplexer> ConnectAsync(ConfigurationOptions options)
    {
        var mux = await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
        try
        {
            foreach (var endpoint in mux.GetEndPoints())
                foreach (var script in RedisScripts.All)
                    await mux.GetServer(endpoint).ScriptLoadAsync(script).ConfigureAwait(false);
        }
        catch (RedisException)
        {
            // Not connected (yet): scripts go as text until the server has them; the calls say what is wrong.
        }
        return mux;
    }

    /// <summary>host:port of each endpoint, as given.</summary>
    public string Endpoints { get; }

    /// <summary>Where the configuration came from: -Redis, APITOOLS_REDIS, code.</summary>
    public string Source { get; }

    /// <summary>
    /// The store a StackExchange.Redis configuration string names (<c>host:6379,password=…,ssl=true</c>), made and
    /// connected once per process. A string that cannot be read is a Configuration error naming <paramref name="source"/>
    /// and the part that is wrong, never a value (a password may be among them).
    /// </summary>
    public static RedisRateStore Open(string configuration, string source = "code")
    {
        if (string.IsNullOrWhiteSpace(configuration))
            throw Config($"{source} names no Redis server: give host:port, e.g. 127.0.0.1:6379,password=…");
        return Stores.GetOrAdd(Secret.HashOf(configuration), _ => new RedisRateStore(Parse(configuration, source), source));
    }

    /// <summary>The store <c>APITOOLS_REDIS</c> names, or null when it is not set.</summary>
    public static RedisRateStore? FromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        return string.IsNullOrWhiteSpace(text) ? null : Open(text!, $"the {Variable} environment variable");
    }

    public override string ToString() => $"Redis at {Endpoints} (from {Source})";

    /// <summary>
    /// Runs a budget script, or returns null when the store cannot answer within <see cref="CallBound"/> (then it is
    /// lost, and the caller serves from its own budget). Every key must be in <paramref name="keys"/>: a server
    /// running scripts as transactions (Garnet) locks only those.
    /// </summary>
    /// <param name="late">Hears the answer that came after the bound, so what it granted can be given back.</param>
    /// <param name="onlyWhenAnswering">Not waited for while the last call was late or the store is lost: for a call that
    /// follows a request's permit (the quota count), so that a request never waits for a slow store twice. It is still sent,
    /// without waiting (<see cref="Post"/>), so the shared count misses no request.</param>
    internal async Task<RedisResult?> RunAsync(string script, RedisKey[] keys, RedisValue[] args, Action<RedisResult>? late = null,
        bool onlyWhenAnswering = false)
    {
        if (onlyWhenAnswering && (Volatile.Read(ref _lateInARow) > 0 || Volatile.Read(ref _lost)))
        {
            Post(script, keys, args);
            return null;
        }
        if (!ShouldTry()) return null;
        var connecting = _connecting;
        if (!connecting.IsCompleted && await Task.WhenAny(connecting, Task.Delay(ConnectBound)).ConfigureAwait(false) != connecting)
        {
            Lose("no connection within " + Seconds(ConnectBound));
            // Tried again as soon as the connection is made, not a retry period later.
            _ = connecting.ContinueWith(_ => { lock (_gate) _lastTry = TimeSpan.MinValue; }, TaskContinuationOptions.ExecuteSynchronously);
            return null;
        }
        try
        {
            var bound = Volatile.Read(ref _answered) ? CallBound : ConnectBound;
            var timer = Task.Delay(bound);
            // Issued off this thread: a client that blocks while writing to a server that stopped reading must not hold the caller past the bound.
            var database = (await connecting.ConfigureAwait(false)).GetDatabase();
            var call = Task.Run(() => database.ScriptEvaluateAsync(script, keys, args));
            if (await Task.WhenAny(call, timer).ConfigureAwait(false) != call)
            {
                _ = call.ContinueWith(t =>
                {
                    if (t.Status == TaskStatus.RanToCompletion) late?.Invoke(t.Result);
                    else _ = t.Exception;
                }, TaskContinuationOptions.ExecuteSynchronously);
                if (Interlocked.Increment(ref _lateInARow) >= LateCallsToLose) Lose($"no answer within {Seconds(bound)}, {LateCallsToLose} times in a row");
                return null;
            }
            var result = await call.ConfigureAwait(false);
            Volatile.Write(ref _lateInARow, 0);
            Volatile.Write(ref _answered, true);
            Found();
            return result;
        }
        catch (RedisException e)
        {
            // SE.Redis messages name the endpoint and the failure, never the password.
            Lose(e.Message.Split('\n')[0].TrimEnd('.', ' ', '\r'));
            return null;
        }
    }

    /// <summary>Sends a script without waiting for it (releases, answers learnt): ordered after this process's earlier calls.</summary>
    internal void Post(string script, RedisKey[] keys, RedisValue[] args)
    {
        // Sent whenever the connection is up, lost or not: a release left out would hold its permit until it expires.
        if (!_connecting.IsCompleted || _connecting.IsFaulted || !_connecting.Result.IsConnected) return;
        try
        {
            // The asynchronous call: the synchronous one takes the connection's writer lock and can hold this thread (the
            // request's) while the store does not read, past the bound a request may wait for it. Still sent in order.
            _ = _connecting.Result.GetDatabase().ScriptEvaluateAsync(script, keys, args, CommandFlags.FireAndForget);
        }
        catch (RedisException)
        {
            // A lost release expires with its lease; the next awaited call notices the loss.
        }
    }

    /// <summary>The warning about the store's last change (lost, or back), once: whoever takes it says it.</summary>
    internal string? TakeNotice() => Interlocked.Exchange(ref _notice, null);

    /// <summary>True while the store answers (tests and Get-*Connection may ask).</summary>
    public bool IsAvailable => !Volatile.Read(ref _lost) && _connecting.IsCompleted && !_connecting.IsFaulted && _connecting.Result.IsConnected;

    /// <summary>The key prefix of one limiter: a hash of its registry key (service, scope, credential hash), in braces so
    /// all of its keys land in one cluster slot.</summary>
    internal static string KeyFor(string limiterKey) => "apitools:{" + Secret.HashOf(limiterKey).Substring(0, 32) + "}:";

    private bool ShouldTry()
    {
        lock (_gate)
        {
            if (!_lost) return true;
            var now = _clock.Elapsed;
            if (_lastTry != TimeSpan.MinValue && now - _lastTry < RetryEvery) return false;
            _lastTry = now;
            return true;
        }
    }

    private void Lose(string why)
    {
        lock (_gate)
        {
            _lastTry = _clock.Elapsed;
            if (_lost) return;
            _lost = true;
            _notice = $"The shared rate budget in {this} is not reachable ({why}): each key's budget is kept in this process " +
                      "until it is back, and other processes on the same key are not counted meanwhile (the server's 429s are still honoured).";
        }
    }

    private void Found()
    {
        lock (_gate)
        {
            if (!_lost) return;
            _lost = false;
            _notice = $"The shared rate budget in {this} is back: keys are counted with the other processes again.";
        }
    }

    private static ConfigurationOptions Parse(string configuration, string source)
    {
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(configuration);
        }
        catch (ArgumentException e)
        {
            throw Config($"{source} is not a StackExchange.Redis configuration (host:port[,option=value…]): {Scrub(e.Message, configuration)}");
        }
        if (options.EndPoints.Count == 0)
            throw Config($"{source} names no Redis server: give host:port, e.g. 127.0.0.1:6379,password=…");
        return options;
    }

    /// <summary>Takes every option's value out of a parser message: a mistyped password option is still a password.</summary>
    private static string Scrub(string message, string configuration)
    {
        foreach (var part in configuration.Split(','))
        {
            var eq = part.IndexOf('=');
            var value = eq < 0 ? "" : part.Substring(eq + 1).Trim();
            if (value.Length > 0) message = message.Replace(value, "*****");
        }
        return message;
    }

    private static string Describe(System.Net.EndPoint endpoint) => endpoint switch
    {
        System.Net.DnsEndPoint dns => dns.Host + ":" + dns.Port.ToString(CultureInfo.InvariantCulture),
        _ => endpoint.ToString() ?? "?",
    };

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture) + " s";

    private static ApiException Config(string message) => new("ApiTools", ApiErrorKind.Configuration, message);
}
