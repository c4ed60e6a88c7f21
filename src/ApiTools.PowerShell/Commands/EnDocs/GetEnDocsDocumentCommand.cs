using System;
using System.Globalization;
using System.Threading.Tasks;
using System.IO;
using System.Management.Automation;
using ApiTools.EnDocs;
using ApiTools.EnDocs.Models;
using ApiTools.PowerShell.Base;

namespace ApiTools.PowerShell.Commands.EnDocs;

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
        var state = StatePath is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(StatePath);
        var stateId = state is null ? 0 : ReadState(state);
        var afterId = MyInvocation.BoundParameters.ContainsKey(nameof(AfterId)) ? AfterId : stateId;
        WriteVerbose($"EnDocs {Type} documents after id {afterId}.");
        long highest = afterId;
        var completed = false;
        WriteStream(Track(Client.GetDocumentsAsync(Type, afterId, StopToken)), target: Type, scope: $"{Type} after id {afterId}");
        // Written only when the listing ran to its end: not after an error, Ctrl+C, or -First stopping it early.
        if (state is not null && completed && highest > stateId)
        {
            File.WriteAllText(state, highest.ToString(CultureInfo.InvariantCulture) + Environment.NewLine);
            WriteVerbose($"Highest id {highest} written to '{state}'.");
        }

        async System.Collections.Generic.IAsyncEnumerable<EnDocsDocument> Track(System.Collections.Generic.IAsyncEnumerable<EnDocsDocument> source)
        {
            await foreach (var document in source.ConfigureAwait(false))
            {
                var skipBefore = Budget.SkipLeft;
                yield return document;
                // Resumed only once the pipeline has dealt with it; an item -Skip passed over was not written.
                if (Budget.SkipLeft == skipBefore && document.Id > highest) highest = document.Id;
            }
            completed = true;
        }
    }

    private long ReadState(string path)
    {
        if (!File.Exists(path)) return 0;
        var text = File.ReadAllText(path).Trim();
        if (text.Length == 0) return 0;
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id >= 0) return id;
        ThrowTerminatingError(new ErrorRecord(new InvalidDataException($"'{path}' should hold the highest id seen (a whole number), not '{text}'."),
            "EnDocs.StateUnreadable", ErrorCategory.InvalidData, path));
        return 0;
    }
}
