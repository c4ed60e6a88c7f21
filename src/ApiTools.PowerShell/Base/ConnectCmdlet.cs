using System.Globalization;
using ApiTools.Http.RateLimiting;

namespace ApiTools.PowerShell.Base;

/// <summary>
/// What every Connect-* shares: -BaseUri, the retry settings, -PassThru, -Redis, one cheap call that proves the
/// credentials (-SkipCheck for offline scripts), and one way of failing: a terminating error naming the base URI and what
/// was wrong, never the secret; a connection that failed its check does not become the default. A subclass makes its connection.
/// </summary>
public abstract class ConnectCmdlet<TConnection, TClient> : ApiCmdlet
    where TConnection : ServiceConnection
    where TClient : class
{
    /// <summary>API root; without it the service's *_BASE_URI variable if set, else the service's public address.</summary>
    [Parameter]
    public Uri? BaseUri { get; set; }

    /// <summary>Requests in all for one call, the first included.</summary>
    [Parameter]
    [ValidateRange(1, 20)]
    public int MaxAttempts { get; set; } = RetryOptions.Default.MaxAttempts;

    /// <summary>Total time one call may take across its retries.</summary>
    [Parameter]
    public TimeSpan RetryBudget { get; set; } = RetryOptions.Default.Budget;

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Make the connection without calling the service (a script that runs where the service is out of reach).</summary>
    [Parameter]
    public SwitchParameter SkipCheck { get; set; }

    protected override string Service => Kit.Service;

    private protected abstract ServiceKit<TConnection, TClient> Kit { get; }

    /// <summary>One cheap call that succeeds only with working credentials at a working base URI.</summary>
    private protected abstract Task CheckAsync(TClient client, CancellationToken cancellationToken);

    /// <summary>A Redis (StackExchange.Redis configuration string: host:6379,password=…,ssl=true) that keeps this key's rate
    /// budget for every process and host on the key; without it, APITOOLS_REDIS if set, else this process alone.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Redis { get; set; }

    /// <summary>Makes the connection from the parameters (<paramref name="retry"/> already built from them).</summary>
    protected abstract TConnection Create(RetryOptions retry);

    /// <summary>The parameter that asks for a client-side pace (RequestsPerSecond), or null where the server sets the pace.</summary>
    private protected virtual string? PaceParameter => null;

    protected override void EndProcessing()
    {
        TConnection connection;
        try
        {
            connection = Create(RetryOptions.Default.With(MaxAttempts, RetryBudget));
            if (Redis is not null) connection.RateStore = RedisRateStore.Open(Redis, $"Connect-{Service} -Redis");
        }
        catch (Exception error) when (error is ApiException or ArgumentException)
        {
            ThrowTerminatingError(ApiErrorRecords.From(Service, ApiErrorKind.Configuration, error, BaseUri));
            return;
        }
        if (!SkipCheck) Check(connection);
        ConnectionStore.Current.Set(connection);
        // The first connection to a key sets its pace for the process; one asking for another pace is told, not ignored silently.
        if (PaceParameter is string asked && MyInvocation.BoundParameters.TryGetValue(asked, out var value) && connection.PaceAlreadySet() is Pace kept)
            WriteWarning($"This process already paces {connection.RateKey} at {kept}, set by the first connection to it; -{asked} " +
                         $"{Convert.ToString(value, CultureInfo.InvariantCulture)} does not apply (runspaces that share a key share one budget). " +
                         "Start a new PowerShell process for another pace.");
        if (connection.StoreAlreadySet() is RedisRateStore sharedIn)
            WriteWarning($"This process already keeps the rate budget of {connection.RateKey} in {sharedIn}, set by the first connection to it; " +
                         $"{connection.RateStore} does not apply. Start a new PowerShell process to share it elsewhere.");
        WriteVerbose($"Connected: {connection}.");
        if (connection.RateStore is RedisRateStore store) WriteVerbose($"The rate budget of {connection.RateKey} is shared in {store}.");
        if (PassThru) WriteObject(connection);
        base.EndProcessing();
    }

    private void Check(TConnection connection)
    {
        try
        {
            Await(async ct =>
            {
                await CheckAsync(Kit.NewClient(connection, Observer), ct).ConfigureAwait(false);
                return true;
            });
        }
        catch (ApiException failed)
        {
            // Fail here, where a runbook expects it, naming where it tried; the error keeps the kind it had (Unauthorized…).
            ThrowTerminatingError(ApiErrorRecords.From(new ApiException(Service, failed.Kind,
                $"Connect-{Service} could not use {connection.BaseUri} (from {connection.Source}): {failed.Message} " +
                "Check the credentials and the base URI, or give -SkipCheck to connect without calling the service.", failed), connection.BaseUri));
        }
    }
}
