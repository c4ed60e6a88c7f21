namespace ApiTools.PowerShell.Base;

/// <summary>
/// -Skip and -First for one cmdlet invocation, across every list it writes (several stores, several
/// pipeline inputs): skipped and written items are counted here, and each pager is capped by what is
/// still needed, so nothing is fetched past the last item the user asked for.
/// </summary>
internal sealed class OutputBudget
{
    public OutputBudget(long skip, long? first)
    {
        SkipLeft = skip;
        FirstLeft = first;
    }

    public long SkipLeft { get; private set; }

    /// <summary>Null: no cap.</summary>
    public long? FirstLeft { get; private set; }

    public bool Spent => FirstLeft == 0;

    /// <summary>The most items a pager may need to fetch from here on.</summary>
    public PageRange Cap => new(0, FirstLeft is long first ? SkipLeft + first : null);

    /// <summary>Counts one item; true when it is to be written (past the skip, within the cap).</summary>
    public bool Take()
    {
        if (Spent) return false;
        if (SkipLeft > 0)
        {
            SkipLeft--;
            return false;
        }
        if (FirstLeft is long first) FirstLeft = first - 1;
        return true;
    }
}
