using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using ApiTools.Evotor.Bulk;
using ApiTools.Evotor.Input;
using ApiTools.Input;
using ApiTools.PowerShell.Base;
using ApiTools.Errors;

namespace ApiTools.PowerShell.Commands.Evotor;

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

    private const int ProgressId = 0x45766f74;
    private EvotorBulkImport? _import;
    private bool _declined;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Stopwatch _sinceProgress = new();
    private UnknownFields _unknown = null!;
    private long _pipelineRows;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _unknown = Kind == BulkKind.Product ? ProductInput.NewUnknownFields() : ProductGroupInput.NewUnknownFields();
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
        catch (Exception unusable) when (unusable is System.IO.IOException or System.IO.InvalidDataException or UnauthorizedAccessException)
        {
            // A checkpoint of another import, a damaged one, or one that cannot be written: nothing is sent.
            ThrowTerminatingError(new ErrorRecord(unusable, "Evotor.CheckpointUnusable", ErrorCategory.InvalidArgument, CheckpointPath));
        }
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

    /// <summary>
    /// Opens the file and checks its header before any row is read: a file that cannot be read, or that lacks a column
    /// every row needs, is one terminating error and nothing is sent. Unknown columns are a warning; they are ignored.
    /// </summary>
    private CsvFile OpenCsv(string file)
    {
        CsvFile csv;
        try
        {
            csv = CsvFile.Open(file, Delimiter);
        }
        catch (Exception missing) when (missing is System.IO.FileNotFoundException or System.IO.DirectoryNotFoundException)
        {
            ThrowTerminatingError(new ErrorRecord(new System.IO.FileNotFoundException($"'{file}' does not exist.", file, missing),
                "Evotor.FileNotFound", ErrorCategory.ObjectNotFound, file));
            throw; // not reached
        }
        catch (CsvFileException unreadable)
        {
            ThrowTerminatingError(new ErrorRecord(unreadable, "Evotor.InvalidCsv", ErrorCategory.InvalidData, file));
            throw;
        }
        catch (Exception denied) when (denied is System.IO.IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(new ErrorRecord(denied, "Evotor.FileUnreadable", ErrorCategory.ReadError, file));
            throw;
        }
        var header = new InputFields(csv.Header.Select(h => new KeyValuePair<string, object?>(h, null)));
        var required = Kind == BulkKind.Product ? ProductInput.RequiredFields : ProductGroupInput.RequiredFields;
        var missingColumns = required.Where(c => !header.Contains(c)).ToList();
        if (missingColumns.Count > 0)
        {
            csv.Dispose();
            var names = string.Join(", ", csv.Header.Select(h => $"'{InputFields.Shorten(h, 30)}'"));
            var hint = csv.Header.Count == 1 && csv.Header[0].IndexOfAny(new[] { ';', ',', '\t' }) >= 0
                ? $" The header is one column: is the delimiter something other than '{Delimiter}'? Give it with -Delimiter (Export-Csv -UseCulture under ru-RU writes ';')."
                : "";
            ThrowTerminatingError(new ErrorRecord(new CsvFileException(file,
                    $"'{file}' has no {string.Join(", ", missingColumns)} column{(missingColumns.Count == 1 ? "" : "s")}, which every {(Kind == BulkKind.Product ? "product" : "product group")} needs " +
                    $"(line 1 names {names}), so nothing was imported.{hint}"),
                "Evotor.InvalidCsv", ErrorCategory.InvalidData, file));
        }
        if (_unknown.Warning(csv.Header, $"'{csv.Name}'") is string warning) WriteWarning(warning);
        return csv;
    }

    protected override void EndProcessing()
    {
        if (!_declined && _import is not null)
        {
            Emit(Await(ct => _import.CompleteAsync(ct)));
            WriteProgress(new ProgressRecord(ProgressId, "Import-EvotorBulk", "Done") { RecordType = ProgressRecordType.Completed });
        }
        base.EndProcessing();
    }

    protected override void OnDispose() => _import?.Dispose();

    private void Emit(BulkStep step)
    {
        foreach (var chunk in step.Planned) ShouldProcess($"{chunk} to store {StoreId}", "Send bulk request");
        foreach (var result in step.Results)
        {
            if (result.Status != BulkImportResult.Ok)
            {
                var id = result.Status == BulkImportResult.Invalid ? "Evotor.ValidationFailed" : "Evotor.BulkItemFailed";
                var message = result.Status == BulkImportResult.Invalid ? result.Message : $"Row {result.Row} ('{result.Name}') was refused: {result.ErrorCode} {result.Message} {result.Violations}".TrimEnd();
                WriteError(new ErrorRecord(new ApiValidationException(ApiTools.Evotor.EvotorClient.ServiceName, message ?? "", result.Violations),
                    id, ErrorCategory.InvalidData, result));
            }
            WriteObject(result);
        }
        ReportProgress();
    }

    private void ReportProgress()
    {
        if (_sinceProgress.IsRunning && _sinceProgress.ElapsedMilliseconds < 250) return;
        _sinceProgress.Restart();
        var p = _import!.Progress;
        var done = p.Confirmed + p.Failed;
        var rate = done / Math.Max(0.001, _clock.Elapsed.TotalSeconds);
        var waiting = p.Validated - done;
        var eta = rate > 0 && waiting > 0 ? (int)(waiting / rate) : -1;
        var status = $"{p.Validated} rows checked ({p.Invalid} invalid), {p.Sent} sent, {p.Confirmed} confirmed, {p.Failed} failed";
        WriteProgress(new ProgressRecord(ProgressId, "Import-EvotorBulk", status) { SecondsRemaining = eta });
    }

    private bool WhatIfRequested()
    {
        if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound)) return bound is SwitchParameter s ? s.IsPresent : Equals(bound, true);
        var preference = SessionState.PSVariable.GetValue("WhatIfPreference");
        return preference is SwitchParameter sp ? sp.IsPresent : preference is bool b && b;
    }
}
