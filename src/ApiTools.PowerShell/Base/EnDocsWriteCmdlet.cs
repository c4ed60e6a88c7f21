using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ApiTools.Input;
using ApiTools.Errors;

namespace ApiTools.PowerShell.Base;

/// <summary>
/// Shared by the EnDocs Set- cmdlets (AddOrUpdate keyed by ExtId): items are numbered as they arrive (an
/// Import-Csv row's number), checked by the client library before anything is sent (an invalid item is one
/// EnDocs.ValidationFailed error naming the item and the field; the rest still go), confirmed with
/// ShouldProcess (-WhatIf sends nothing but still reports invalid items), then written with one client call.
/// </summary>
public abstract class EnDocsWriteCmdlet : EnDocsCmdlet
{
    protected const string ObjectSet = "InputObject";
    protected const string ParametersSet = "Parameters";

    private long _position;

    /// <summary>An Import-Csv row, a hashtable or an object; its properties are read by name (Ext_ID or ExtId alike).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
    public PSObject? InputObject { get; set; }

    /// <summary>The external (1C) id EnDocs keys the record by.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
    [ValidateNotNullOrEmpty]
    public string ExtId { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    /// <summary>Write an EnDocsWriteResult for each record sent.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Reads the next item (piped or from parameters), checks it, confirms it and sends it.</summary>
    protected void Write<T>(string what, Func<InputFields, string, T> read, Func<T, string> describe,
        Func<T, CancellationToken, Task<ApiTools.EnDocs.Models.EnDocsWriteResult>> send)
    {
        _position++;
        var fields = InputObject is not null ? InputItem.Fields(InputObject) : InputItem.Fields(BoundFields());
        var label = $"item {_position}" + (fields.Text("ExtId") is { } key ? $" ('{key}')" : "");
        T draft;
        try
        {
            draft = read(fields, label);
        }
        catch (ApiValidationException invalid)
        {
            WriteApiError(invalid, InputObject ?? (object)label);
            return;
        }
        if (!ShouldProcess($"{what} {describe(draft)}", "Add or update")) return;
        ForItem(InputObject ?? (object)describe(draft), () =>
        {
            var result = Await(ct => send(draft, ct));
            WriteVerbose($"{what} {describe(draft)}: {(result.Created ? "created" : "updated")} (RequestID {result.RequestId}).");
            if (PassThru) WriteObject(result);
        });
    }

    /// <summary>The parameters a user bound, as input fields.</summary>
    private IDictionary<string, object?> BoundFields()
    {
        var fields = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var kv in MyInvocation.BoundParameters)
        {
            if (NotFields.Contains(kv.Key)) continue;
            fields[kv.Key] = kv.Value is SwitchParameter s ? s.IsPresent : kv.Value;
        }
        return fields;
    }

    // Common and plumbing parameters: never record fields.
    private static readonly HashSet<string> NotFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable", "WarningVariable",
        "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm", "Connection", "PassThru", "InputObject",
    };
}
