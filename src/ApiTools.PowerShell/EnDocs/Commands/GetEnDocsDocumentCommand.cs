using System.IO;

namespace ApiTools.PowerShell.EnDocs.Commands;

/// <summary>Get-EnDocsDocument: every document of a type with an id above -AfterId, written as each arrives
/// (the response is parsed as a stream). -StatePath keeps the highest id seen for incremental sync.</summary>
[Cmdlet(VerbsCommon.Get, "EnDocsDocument", SupportsPaging = true)]
[OutputType(typeof(EnDocsDocument), typeof(EnDocsContract))]
public sealed class GetEnDocsDocumentCommand : EnDocsCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public EnDocsDocumentType Type { get; set; }

    /// <summary>Only documents with a higher id.</summary>
    [Parameter]
    [ValidateRange(0, long.MaxValue)]
    public long AfterId { get; set; }

    /// <summary>A text file keeping the highest id seen: read as -AfterId when it is not given, rewritten once the listing is complete.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? StatePath { get; set; }

    protected override void ProcessRecord()
    {
        EnDocsSyncState? state = null;
        if (StatePath is not null)
        {
            try
            {
                state = EnDocsSyncState.Load(SessionState.Path.GetUnresolvedProviderPathFromPSPath(StatePath));
            }
            catch (LocalFileException held)
            {
                ThrowTerminatingError(ApiErrorRecords.For(held), held, StatePath);
            }
            catch (InvalidDataException unreadable)
            {
                ThrowTerminatingError(CmdletError.StateUnreadable, unreadable, StatePath);
            }
        }
        try
        {
            List(state);
        }
        finally
        {
            state?.Dispose(); // another sync may use the file now
        }
    }

    private void List(EnDocsSyncState? state)
    {
        var afterId = MyInvocation.BoundParameters.ContainsKey(nameof(AfterId)) ? AfterId : state?.LastId ?? 0;
        state?.Delivered(afterId); // -AfterId passes over what lies below it: a complete listing starts the next run there too
        WriteVerbose($"EnDocs {Type} documents after id {afterId}.");
        var completed = false;
        WriteStream(Track(Client.GetDocumentsAsync(Type, afterId, StopToken)), target: Type, scope: $"{Type} after id {afterId}");
        // Written only when the listing ran to its end: not after an error, Ctrl+C, or -First stopping it early.
        if (state is not null && completed)
        {
            try
            {
                if (state.Save()) WriteVerbose($"Highest id {state.Highest} written to '{state.Path}'.");
            }
            catch (LocalFileException unwritable)
            {
                WriteError(ApiErrorRecords.For(unwritable), unwritable, StatePath);
            }
        }

        async IAsyncEnumerable<EnDocsDocument> Track(IAsyncEnumerable<EnDocsDocument> source)
        {
            await foreach (var document in source.ConfigureAwait(false))
            {
                var skipBefore = Budget.SkipLeft;
                yield return document;
                // Counted only once the pipeline has dealt with it; an item -Skip passed over was not written.
                if (Budget.SkipLeft == skipBefore) state?.Delivered(document.Id);
            }
            completed = true;
        }
    }
}
