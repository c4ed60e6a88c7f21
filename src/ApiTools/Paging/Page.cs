using System;
using System.Collections.Generic;

namespace ApiTools.Paging;

/// <summary>One page as a service returned it: its items and the cursor for the next page
/// (null or empty: this was the last page). PlanFix page numbers and EnDocs' last id are
/// carried as cursor strings by their adapters.</summary>
public sealed class Page<T>
{
    public Page(IReadOnlyList<T> items, string? nextCursor)
    {
        Items = items ?? throw new ArgumentNullException(nameof(items));
        NextCursor = string.IsNullOrEmpty(nextCursor) ? null : nextCursor;
    }

    public IReadOnlyList<T> Items { get; }
    public string? NextCursor { get; }
}

/// <summary>Fetches the page at <paramref name="cursor"/> (null: the first), asking the server for at most
/// <paramref name="limit"/> items where a cap is known (null: the server's default page).</summary>
public delegate System.Threading.Tasks.Task<Page<T>> PageFetcher<T>(string? cursor, int? limit, System.Threading.CancellationToken cancellationToken);

/// <summary>How much of a listing the caller wants: <c>-Skip</c> and <c>-First</c>.</summary>
public readonly struct PageRange
{
    public PageRange(long skip, long? first)
    {
        if (skip < 0) throw new ArgumentOutOfRangeException(nameof(skip));
        if (first < 0) throw new ArgumentOutOfRangeException(nameof(first));
        Skip = skip;
        First = first;
    }

    public static PageRange All => default;

    public long Skip { get; }

    /// <summary>Null: no cap.</summary>
    public long? First { get; }

    /// <summary>Items the server must send in all (skipped ones included), or null for everything.</summary>
    internal long? Needed => First is long f ? Skip + f : null;
}
