namespace ApiTools.PowerShell.Base;

/// <summary>
/// The plumbing every service cmdlet shares: async client calls run on the pipeline thread with a
/// token that Ctrl+C / PowerShell.Stop() cancels; streams are written item by item as pages arrive;
/// ApiExceptions become ErrorRecords (per item, or terminating where nothing later can succeed).
/// Pipeline-stop and other flow-control exceptions always pass through untouched.
/// </summary>
public abstract class ApiCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PipelinePump _pump = new();
    private CmdletObserver? _observer;
    private OutputBudget? _budget;
    private ProgressReporter? _progress;
    private long _written;

    // The parameter set names the cmdlets share: a list or items by id; an item piped in or given as parameters.
    protected const string ListSet = "List", ByIdSet = "ById", ObjectSet = "InputObject", ParametersSet = "Parameters";

    /// <summary>Cancelled when the pipeline is stopped.</summary>
    protected CancellationToken StopToken => _stop.Token;

    internal IApiObserver Observer => _observer ??= new CmdletObserver(this, _pump);

    protected override void StopProcessing() => _stop.Cancel();

    /// <summary>What a Save- cmdlet writes for a file: its FileInfo, or, for one kept because a file of its name was there, a
    /// FileExists error saying to use -Force (<paramref name="about"/> names what the file was of).</summary>
    private protected void WriteSaved(string path, bool skipped, string? about = null)
    {
        if (skipped)
            WriteError(CmdletError.FileExists, new System.IO.IOException($"'{path}' exists; use -Force to overwrite it{(about is null ? "" : $" ({about})")}."), path);
        else WriteObject(new System.IO.FileInfo(path));
    }

    /// <summary>Runs a call and returns its result (stream a list with <see cref="WriteStream{T}"/> instead).</summary>
    protected T Await<T>(Func<CancellationToken, Task<T>> call) => Guard(() => _pump.Wait(call(StopToken)));

    /// <summary>
    /// Writes each item the moment the client yields it, within -Skip/-First (<see cref="Budget"/>), and
    /// stops fetching the moment downstream stops (Select-Object -First), the budget is spent, or the user
    /// presses Ctrl+C. <paramref name="keep"/> filters on the client side. A failure part-way is written
    /// as an error about <paramref name="target"/> after the items already written. Long listings show
    /// progress (items, pages, <paramref name="scope"/>).
    /// </summary>
    protected void WriteStream<T>(IAsyncEnumerable<T> source, object? target = null, Func<T, bool>? keep = null, string? scope = null) =>
        WriteStream(() => source, target, keep, scope);

    /// <summary>As above, with the stream opened inside the guard: a client method that checks its arguments
    /// when called (a page size that is not a number) then fails as the service's InvalidArgument error.</summary>
    protected void WriteStream<T>(Func<IAsyncEnumerable<T>> open, object? target = null, Func<T, bool>? keep = null, string? scope = null) =>
        ForItem(target, () => Guard(() =>
        {
            if (Budget.Spent) return true;
            var items = open().GetAsyncEnumerator(StopToken);
            try
            {
                while (_pump.Wait(items.MoveNextAsync()))
                {
                    _pump.Drain();
                    var item = items.Current;
                    if (keep is not null && !keep(item)) continue;
                    if (!Budget.Take())
                    {
                        if (Budget.Spent) break;
                        continue;
                    }
                    WriteObject(item);
                    _written++;
                    ReportProgress(scope);
                    if (Budget.Spent) break;
                }
            }
            finally
            {
                // Cancels a prefetched page nobody will read; quick, and never throws into the pipeline.
                var disposing = items.DisposeAsync();
                if (!disposing.IsCompleted) _pump.Wait(disposing.AsTask());
            }
            return true;
        }));

    /// <summary>-Skip/-First of this invocation, shared by every list it writes; without SupportsPaging, no limit.</summary>
    internal OutputBudget Budget => _budget ??= NewBudget();

    /// <summary>The cap to hand a pager: no more than -Skip plus -First still need.</summary>
    protected PageRange PagerCap => Budget.Cap;

    /// <summary>This invocation's progress bar, named after the cmdlet.</summary>
    private protected ProgressReporter Progress => _progress ??= new ProgressReporter(this, MyInvocation.MyCommand.Name);

    protected override void EndProcessing()
    {
        _pump.Drain(); // verbose lines of calls that ended after the last item
        _progress?.Complete();
    }

    private void ReportProgress(string? scope) =>
        Progress.Update(() => $"{ProgressReporter.Count(_written, "item")}, {ProgressReporter.Count(_observer?.Calls ?? 0, "request")}{(scope is null ? "" : ", " + scope)}");

    /// <summary>Runs the work for one input item: a failure that only concerns this item (a file of it that could not be
    /// written among them) is written as a non-terminating error with <paramref name="target"/>; one that stops
    /// everything terminates the cmdlet.</summary>
    /// <summary>Reads and writes the item each key names (an id, a number, a name), each on its own: a key that fails is
    /// an error about it, and the rest still go.</summary>
    protected void WriteEach<TKey, T>(IEnumerable<TKey> keys, Func<TKey, CancellationToken, Task<T>> read)
    {
        foreach (var key in keys) ForItem(key, () => WriteObject(Await(ct => read(key, ct))));
    }

    protected void ForItem(object? target, Action work)
    {
        try
        {
            work();
        }
        catch (ApiException error)
        {
            WriteApiError(error, target);
        }
        catch (LocalFileException file)
        {
            WriteError(ApiErrorRecords.For(file), file, target ?? file.Path);
        }
    }

    /// <summary>Asks ShouldProcess for <paramref name="target"/>, then runs one client call and writes its result when
    /// <paramref name="output"/> and it is not null; a failure is an error about <paramref name="errorTarget"/>.</summary>
    protected void Send<T>(string target, string action, object? errorTarget, Func<CancellationToken, Task<T>> call, bool output)
    {
        if (!ShouldProcess(target, action)) return;
        ForItem(errorTarget, () =>
        {
            var result = Await(call);
            if (output && result is not null) WriteObject(result);
        });
    }

    protected void WriteApiError(ApiException error, object? target)
    {
        var record = ApiErrorRecords.From(error, target);
        if (error.StopsEverything) ThrowTerminatingError(record);
        WriteError(record);
    }

    /// <summary>One of the cmdlets' own errors about this item; the others still go.</summary>
    private protected void WriteError(CmdletError error, Exception exception, object? target) =>
        WriteError(ApiErrorRecords.From(Service, error, exception, target));

    /// <summary>One of the cmdlets' own errors that no later item can escape: the cmdlet stops.</summary>
    private protected void ThrowTerminatingError(CmdletError error, Exception exception, object? target) =>
        ThrowTerminatingError(ApiErrorRecords.From(Service, error, exception, target));

    private OutputBudget NewBudget()
    {
        var paging = PagingParameters;
        if (paging is null) return new OutputBudget(0, null);
        if (paging.IncludeTotalCount)
            WriteObject(paging.NewTotalCount(0, 0.0)); // accuracy 0: these APIs do not say how many there are
        long? first = paging.First >= long.MaxValue ? null : (long)paging.First;
        var skip = paging.Skip >= long.MaxValue ? long.MaxValue : (long)paging.Skip;
        return new OutputBudget(skip, first);
    }

    private T Guard<T>(Func<T> body)
    {
        try
        {
            return body();
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Ctrl+C / Stop(): PowerShell expects the pipeline-stopped signal, not an error.
            throw new PipelineStoppedException();
        }
        catch (AggregateException aggregate) when (aggregate.InnerExceptions.Count == 1 && aggregate.InnerException is ApiException api)
        {
            throw api;
        }
        catch (ArgumentException usage) when (usage is not PSArgumentException)
        {
            // The client library refused how it was called (a page size that is not a number, -Since after
            // -Until): the same for every later item, so one terminating error with the service's id.
            ThrowTerminatingError(CmdletError.InvalidArgument, usage, null);
            throw; // not reached: ThrowTerminatingError throws
        }
    }

    /// <summary>The service this cmdlet calls, as error ids name it (Evotor, PlanFix, EnDocs).</summary>
    protected abstract string Service { get; }

    /// <summary>Releases what a cmdlet holds beyond the base (files, sessions); called once, also after Ctrl+C.</summary>
    protected virtual void OnDispose()
    {
    }

    public void Dispose()
    {
        OnDispose();
        _stop.Dispose();
        _pump.Dispose();
        GC.SuppressFinalize(this);
    }
}
