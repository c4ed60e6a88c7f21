using System.Diagnostics;
using ApiTools.Evotor.Bulk;

namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>
/// Import-EvotorBulk: products or groups from the pipeline or a CSV file, checked row by row, sent in bulk
/// chunks (1000 items / 10 MB), each task polled to the end; one result per row, in input order. With
/// -CheckpointPath a rerun after a crash or Ctrl+C resends nothing finished. -WhatIf checks every row and
/// says per chunk what would be sent.
/// </summary>
[Cmdlet(VerbsData.Import, "EvotorBulk", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = PipelineSet)]
[OutputType(typeof(BulkImportResult))]
public sealed class ImportEvotorBulkCommand : EvotorCmdlet
{
    private const string PipelineSet = "Pipeline";
    private const string PathSet = "Path";

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    [ArgumentCompleter(typeof(EvotorIdCompleter))]
    public string StoreId { get; set; } = "";

    [Parameter]
    public BulkKind Kind { get; set; } = BulkKind.Product;

    /// <summary>Products or groups: typed objects, Import-Csv rows, hashtables.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = PipelineSet)]
    public PSObject? InputObject { get; set; }

    /// <summary>A CSV file as Export-Csv writes it, read as a stream.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>The CSV's delimiter (Export-Csv -UseCulture under ru-RU writes ';').</summary>
    [Parameter(ParameterSetName = PathSet)]
    public char Delimiter { get; set; } = ',';

    /// <summary>The CSV's encoding: a name (utf-8, windows-1251) or a code page number; UTF-8 by default, checked over the
    /// whole file first. A byte order mark in the file wins.</summary>
    [Parameter(ParameterSetName = PathSet)]
    [TextEncodingTransformation]
    [ArgumentCompleter(typeof(TextEncodingCompleter))]
    public System.Text.Encoding? Encoding { get; set; }

    /// <summary>A file recording each chunk as it is accepted and finished; rerun with the same file to resume.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CheckpointPath { get; set; }

    /// <summary>Chunks sent and polled at once.</summary>
    [Parameter]
    [ValidateRange(1, 8)]
    public int ThrottleLimit { get; set; } = 2;

    /// <summary>How long one run polls a task before its rows are reported as timed out.</summary>
    [Parameter]
    [ValidateRange("00:00:01", "1.00:00:00")]
    public TimeSpan TaskTimeout { get; set; } = TimeSpan.FromMinutes(30);

    private EvotorBulkImport? _import;
    private bool _declined;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private UnknownFields _unknown = null!;
    private long _pipelineRows;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _unknown = BulkCsv.NewUnknownFields(Kind);
        var what = Kind == BulkKind.Product ? "products" : "product groups";
        var dryRun = false;
        if (!ShouldProcess($"store {StoreId}", $"Bulk import of {what}"))
        {
            // -WhatIf: check everything and describe each chunk; a declined -Confirm: do nothing at all.
            if (!WhatIfRequested()) { _declined = true; return; }
            dryRun = true;
        }
        try
        {
            _import = new EvotorBulkImport(Client, new BulkImportOptions(StoreId, Kind)
            {
                ThrottleLimit = ThrottleLimit,
                TaskTimeout = TaskTimeout,
                CheckpointPath = CheckpointPath is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(CheckpointPath),
                DryRun = dryRun,
            });
        }
        catch (LocalFileException held)
        {
            // Another import holds the checkpoint, or it is a link: nothing is sent.
            ThrowTerminatingError(ApiErrorRecords.For(held), held, CheckpointPath);
        }
        catch (Exception unusable) when (unusable is System.IO.IOException or System.IO.InvalidDataException or UnauthorizedAccessException)
        {
            // A checkpoint of another import, a damaged one, or one that cannot be written: nothing is sent.
            ThrowTerminatingError(CmdletError.CheckpointUnusable, unusable, CheckpointPath);
        }
        if (_import?.CheckpointCutLine is int cut)
            WriteWarning($"Checkpoint '{CheckpointPath}' line {cut} was cut short (a crash while it was written) and was dropped; the chunk it named is polled or sent again.");
    }

    protected override void ProcessRecord()
    {
        if (_declined || _import is null) return;
        if (ParameterSetName == PipelineSet)
        {
            var fields = InputItem.Fields(InputObject!);
            _pipelineRows++;
            if (_unknown.Warning(fields.Names, $"row {_pipelineRows}") is string warning) WriteWarning(warning);
            Emit(Await(ct => _import.AddAsync(fields, ct)));
            return;
        }
        using var csv = OpenCsv(SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path));
        foreach (var row in csv.Rows())
            Emit(Await(ct => _import.AddAsync(row, ct)));
    }

    /// <summary>The file, its header checked before any row is read: a file that cannot be read, or that lacks a column
    /// every row needs, is one terminating error and nothing is sent. Unknown columns are a warning; they are ignored.</summary>
    private CsvFile OpenCsv(string file)
    {
        CsvFile csv;
        try
        {
            csv = BulkCsv.Open(file, Delimiter, Kind, Encoding);
        }
        catch (Exception missing) when (missing is System.IO.FileNotFoundException or System.IO.DirectoryNotFoundException)
        {
            ThrowTerminatingError(CmdletError.FileNotFound, new System.IO.FileNotFoundException($"'{file}' does not exist.", file, missing), file);
            throw; // not reached: ThrowTerminatingError throws
        }
        catch (CsvFileException unreadable)
        {
            ThrowTerminatingError(CmdletError.InvalidCsv, unreadable, file);
            throw;
        }
        catch (Exception denied) when (denied is System.IO.IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(CmdletError.FileUnreadable, denied, file);
            throw;
        }
        if (_unknown.Warning(csv.Header, $"'{csv.Name}'") is string warning) WriteWarning(warning);
        return csv;
    }

    protected override void EndProcessing()
    {
        if (!_declined && _import is not null)
        {
            Emit(Await(ct => _import.CompleteAsync(ct)));
        }
        base.EndProcessing();
    }

    protected override void OnDispose() => _import?.Dispose();

    private void Emit(BulkStep step)
    {
        foreach (var chunk in step.Planned) ShouldProcess($"{chunk} to store {StoreId}", "Send bulk request");
        foreach (var result in step.Results)
        {
            if (result.Status == BulkImportResult.Invalid)
                WriteError(ApiErrorRecords.From(new ApiValidationException(Service, result.Message ?? "", result.Violations), result));
            else if (result.Status != BulkImportResult.Ok)
                WriteError(CmdletError.BulkItemFailed, new ApiValidationException(Service,
                    $"Row {result.Row} ('{result.Name}') was refused: {result.ErrorCode} {result.Message} {result.Violations}".TrimEnd() +
                    (Kind == BulkKind.Product ? EvotorHints.MissingGroup(result.Violations, StoreId) : null), result.Violations), result);
            WriteObject(result);
        }
        ReportProgress();
    }

    private void ReportProgress()
    {
        var p = _import!.Progress;
        var done = p.Confirmed + p.Failed;
        var rate = done / Math.Max(0.001, _clock.Elapsed.TotalSeconds);
        var waiting = p.Validated - done;
        var eta = rate > 0 && waiting > 0 ? (int)(waiting / rate) : -1;
        Progress.Update(() => $"{ProgressReporter.Count(p.Validated, "row")} checked ({p.Invalid} invalid), {p.Sent} sent, {p.Confirmed} confirmed, {p.Failed} failed", eta);
    }

    private bool WhatIfRequested()
    {
        if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound)) return bound is SwitchParameter s ? s.IsPresent : Equals(bound, true);
        var preference = SessionState.PSVariable.GetValue("WhatIfPreference");
        return preference is SwitchParameter sp ? sp.IsPresent : preference is bool b && b;
    }
}
