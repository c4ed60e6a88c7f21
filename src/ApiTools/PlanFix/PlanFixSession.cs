namespace ApiTools.PlanFix;

/// <summary>
/// Login mode's session id for one connection. Held as a <see cref="Secret"/> (never printed) and renewed by one
/// caller at a time: when a page and its prefetched neighbour both meet an expired sid, the first logs in again and
/// the second uses the new sid, so an expiry costs exactly one <c>auth.login</c>.
/// </summary>
internal sealed class PlanFixSession
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Secret? _sid;

    public Secret? Current => Volatile.Read(ref _sid);

    /// <summary>The session id to use: the current one, or a new one from <paramref name="login"/> when there is none or
    /// the current one is <paramref name="expired"/> (the one a call was just refused with).</summary>
    public async Task<Secret> GetAsync(Func<CancellationToken, Task<Secret>> login, Secret? expired, CancellationToken cancellationToken)
    {
        var current = Current;
        if (current is not null && !ReferenceEquals(current, expired)) return current;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            current = Current;
            if (current is not null && !ReferenceEquals(current, expired)) return current;
            var fresh = await login(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _sid, fresh);
            return fresh;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Forget() => Volatile.Write(ref _sid, null);
}
