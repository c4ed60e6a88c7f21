namespace ApiTools.Http.RateLimiting;

/// <summary>
/// The Lua scripts that keep rate budgets in Redis. Each runs atomically on the server and reads the server's clock
/// (TIME), so processes on hosts whose clocks differ still share one budget. Every key a script touches is passed in
/// KEYS (a server running scripts as transactions, as Garnet does, locks only those). They follow the in-process
/// limiters rule for rule: <see cref="SpacedRateLimiter"/> and <see cref="ServerGuidedRateLimiter"/>.
/// </summary>
internal static class RedisScripts
{
    /// <summary>Every script, loaded once a connection is made.</summary>
    public static readonly string[] All = { SpacedTake, GuidedTake, GuidedObserve, GuidedRelease, QuotaObserve, QuotaPeek };

    private const string Now = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        """;

    /// <summary>
    /// At most ARGV[1] starts within any ARGV[2] ms, counted as they are granted (the moment of the grant is the
    /// start: a grant is made only when its caller is about to send). KEYS[1]: the starts (a sorted set);
    /// ARGV[3]: this start's unique name. Returns 0 (granted) or the ms until the oldest start that blocks leaves.
    /// </summary>
    public const string SpacedTake = Now + """

        local permits, window = tonumber(ARGV[1]), tonumber(ARGV[2])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
        local n = redis.call('ZCARD', KEYS[1])
        if n >= permits then
          local blocking = redis.call('ZRANGE', KEYS[1], n - permits, n - permits, 'WITHSCORES')
          -- Gone since ZCARD when the set expired meanwhile: Garnet expires keys while a script runs (Redis does not),
          -- and the set expires as its newest start leaves the window, so no start blocks any more.
          if blocking[2] then return math.max(1, tonumber(blocking[2]) + window - now) end
        end
        redis.call('ZADD', KEYS[1], now, ARGV[3])
        redis.call('PEXPIRE', KEYS[1], window)
        return 0
        """;

    // The server-guided state: KEYS[1] a hash of the figures learnt, KEYS[2] permits in flight (lease → expiry ms),
    // KEYS[3] permits granted in the current window (lease → grant ms). Kept a day after the last use.
    private const string GuidedLoad = Now + """

        local S, F, G = KEYS[1], KEYS[2], KEYS[3]
        local v = redis.call('HMGET', S, 'limit', 'remaining', 'reset', 'unc', 'win', 'sends', 'seen', 'probing', 'latest', 'refused')
        local limit, remaining, reset = tonumber(v[1]), tonumber(v[2]), tonumber(v[3])
        local unc, win = tonumber(v[4]) or 0, tonumber(v[5]) or 0
        local sends, seen, probing = v[6] == '1', v[7] == '1', v[8] == '1'
        local latest, refusedAt = tonumber(v[9]), v[10] == '1'
        local slack = 50
        """;

    private const string GuidedSave = """

        local function put(k, x) if x == nil then redis.call('HDEL', S, k) else redis.call('HSET', S, k, x) end end
        put('limit', limit) put('remaining', remaining) put('reset', reset) put('unc', unc) put('win', win) put('latest', latest)
        put('sends', sends and '1' or '0') put('seen', seen and '1' or '0') put('probing', probing and '1' or '0')
        put('refused', refusedAt and '1' or '0')
        for _, k in ipairs(KEYS) do redis.call('PEXPIRE', k, 86400000) end
        """;

    /// <summary>
    /// Takes a permit by the server's figures. ARGV[1]: the lease's name, ARGV[2]: how long it may stay in flight
    /// (ms; a process that dies holding it frees it then). Returns {granted 1|0, wait ms (-1: until a permit in flight
    /// comes back), window}.
    /// </summary>
    public const string GuidedTake = GuidedLoad + """

        redis.call('ZREMRANGEBYSCORE', F, '-inf', now)
        if reset and now >= reset then
          -- A new window. The server's may have turned up to unc before the latest end its answers allowed: grants
          -- since then are charged to it.
          local late = redis.call('ZRANGEBYSCORE', G, (latest or reset) - unc, '+inf')
          redis.call('DEL', G)
          for _, m in ipairs(late) do redis.call('ZADD', G, reset, m) end
          if limit and not probing then remaining = math.max(0, limit - #late) else remaining = nil end
          probing = false
          refusedAt = false
          reset = nil
          latest = nil
          win = win + 1
        end
        local outstanding = redis.call('ZCARD', F)
        local grant
        if not seen or (sends and remaining == nil) then grant = outstanding == 0
        elseif not sends then grant = true
        else grant = remaining - outstanding >= 1 end
        local wait = -1
        if grant then
          redis.call('ZADD', F, now + tonumber(ARGV[2]), ARGV[1])
          if sends then redis.call('ZADD', G, now, ARGV[1]) end
          wait = 0
        elseif reset then wait = reset - now
        elseif outstanding == 0 then
          -- A spent window with no reset said: probe again after a second.
          probing = true
          reset = now + 1000
          wait = 1000
        end
        """ + GuidedSave + """

        return {grant and 1 or 0, math.floor(wait), win}
        """;

    /// <summary>
    /// Learns from one answer and frees its permit. ARGV: lease, its window (-1: unknown), X-RateLimit-Limit,
    /// Remaining, the suggested wait in ms (each -1 when not sent or not usable), refused 1|0, any figure sent 1|0.
    /// The window turns at the earliest end its answers allow, a refusal's later end (and slack) aside.
    /// </summary>
    public const string GuidedObserve = GuidedLoad + """

        local leaseWin, lim, rem, w = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
        if lim < 1 then lim = nil end
        if rem < 0 then rem = nil end
        if w < 0 then w = nil end
        local refused, any = ARGV[6] == '1', ARGV[7] == '1'
        local spent = refused or rem == 0 -- refused, or the answer took the window's last permit
        seen = true
        if any then
          sends = true
          local this = leaseWin < 0 or leaseWin == win
          local resetAt = nil
          if w then resetAt = now + w end
          local u = 0
          if w and w > 0 and w % 1000 == 0 then u = 1000 end
          if this and ((lim and limit and lim ~= limit) or (resetAt and reset and math.abs(resetAt - reset) > 2000)) then
            -- The server's window changed: start again from its figures.
            win = win + 1
            redis.call('DEL', G)
            limit = lim or limit
            remaining = rem
            reset = resetAt
            if refused and reset then reset = reset + slack end
            latest = resetAt
            refusedAt = refused
            unc = u
            probing = false
          elseif this or spent then
            if lim then limit = lim end
            if rem then
              if remaining and this then remaining = math.min(remaining, rem) else remaining = rem end
            end
            if resetAt then
              if not reset or probing then
                reset = resetAt
                refusedAt = refused
                if refused then reset = reset + slack end
              elseif refused then
                reset = math.max(reset, resetAt + slack)
                refusedAt = true
              elseif this and not refusedAt then reset = math.min(reset, resetAt)
              else reset = math.max(reset, resetAt) end
              if not latest or resetAt > latest then latest = resetAt end
              unc = u
              probing = false
            end
          end
        end
        redis.call('ZREM', F, ARGV[1])
        """ + GuidedSave;

    /// <summary>Frees a permit whose request got no answer to learn from. KEYS[2]: permits in flight; ARGV[1]: the lease.</summary>
    public const string GuidedRelease = "redis.call('ZREM', KEYS[2], ARGV[1])";

    /// <summary>
    /// The day's quota of a PlanFix account, counted by every process. KEYS[1]: a hash. ARGV: the X-RateLimit-Remaining
    /// the answer carried (-1: none), the plan's daily figure, when the day ends (unix ms), spent 1|0 (error 0007).
    /// A header equal to the last one seen is stale (PlanFix refreshes it about every 10 minutes): the count goes on
    /// down from it. Returns {remaining, daily, 1 if the count rests on a header}.
    /// </summary>
    public const string QuotaObserve = """
        local v = redis.call('HMGET', KEYS[1], 'remaining', 'header', 'daily', 'fromHeader')
        local remaining, header = tonumber(v[1]), tonumber(v[2])
        local daily = tonumber(v[3]) or tonumber(ARGV[2])
        local fromHeader = v[4] == '1'
        local said = tonumber(ARGV[1])
        if ARGV[4] == '1' then remaining = 0
        elseif said >= 0 and said ~= header then
          remaining = said
          header = said
          fromHeader = true
          if said > daily then daily = said end
        else remaining = math.max(0, (remaining or daily) - 1) end
        redis.call('HSET', KEYS[1], 'remaining', remaining, 'daily', daily, 'fromHeader', fromHeader and '1' or '0')
        if header then redis.call('HSET', KEYS[1], 'header', header) end
        redis.call('PEXPIREAT', KEYS[1], ARGV[3])
        return {remaining, daily, fromHeader and 1 or 0}
        """;

    /// <summary>The shared count as it stands, counting nothing: {remaining, daily, from header 1|0}, or {-1, -1, 0} before any.</summary>
    public const string QuotaPeek = """
        local v = redis.call('HMGET', KEYS[1], 'remaining', 'daily', 'fromHeader')
        if not v[1] then return {-1, -1, 0} end
        return {tonumber(v[1]), tonumber(v[2]), v[3] == '1' and 1 or 0}
        """;
}
