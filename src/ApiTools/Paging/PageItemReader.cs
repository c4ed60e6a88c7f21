namespace ApiTools.Paging;

/// <summary>The items of one page, read in order, one at a time, from a body already received whole; the
/// reader checked the body's shape and counted its items when it was made, so <see cref="Count"/> is exact
/// before the first item is read.</summary>
public abstract class PageItemReader<T> : IDisposable
{
    /// <summary>How many items the page holds.</summary>
    public abstract int Count { get; }

    /// <summary>How many items were read or skipped so far.</summary>
    public int Position { get; protected set; }

    /// <summary>Reads the next item. Throws <see cref="InvalidOperationException"/> past the last one.</summary>
    public abstract T ReadNext();

    /// <summary>Passes over the next item; the default reads it and drops it.</summary>
    public virtual void SkipNext() => ReadNext();

    /// <summary>Releases the body (a pooled buffer); no item can be read after.</summary>
    public virtual void Dispose()
    {
    }
}
