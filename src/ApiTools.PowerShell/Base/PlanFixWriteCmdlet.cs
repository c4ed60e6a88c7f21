using System;
using System.Collections.Generic;
using System.Management.Automation;
using ApiTools.Input;

namespace ApiTools.PowerShell.Base;

/// <summary>Shared by the PlanFix task writers: the bound parameters (or a piped row) as input fields for the client
/// library's reader, plumbing parameters left out.</summary>
public abstract class PlanFixWriteCmdlet : PlanFixCmdlet
{
    private long _position;

    /// <summary>The next item's number and fields: a piped object's properties, or the bound parameters.</summary>
    protected (string Label, InputFields Fields) NextItem(object? inputObject)
    {
        _position++;
        var fields = inputObject is not null ? InputItem.Fields(inputObject) : InputItem.Fields(BoundFields());
        var title = fields.Text("Title");
        return ($"item {_position}" + (title is { Length: > 0 } ? $" ('{title}')" : ""), fields);
    }

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

    // Common and plumbing parameters: never task fields.
    private static readonly HashSet<string> NotFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable", "WarningVariable",
        "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm", "Connection", "PassThru", "InputObject", "Id",
    };
}
