using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ApiTools.Input;
using ApiTools.Errors;

namespace ApiTools.PowerShell.Base;

/// <summary>
/// Shared by the Evotor write cmdlets: items are numbered as they arrive (an Import-Csv row's number),
/// checked by the client library before anything is sent (an invalid item is one error naming the item
/// and the field; the rest still go), confirmed with ShouldProcess (-WhatIf sends nothing but still
/// reports invalid items), then written with one client call.
/// </summary>
public abstract class EvotorWriteCmdlet : EvotorCmdlet
{
    private long _position;

    /// <summary>The next item's fields: from the piped object, or from the cmdlet's own parameters.</summary>
    internal InputFields NextItem(PSObject? inputObject, Func<IDictionary<string, object?>> fromParameters, out string label)
    {
        _position++;
        var fields = inputObject is not null ? InputItem.Fields(inputObject) : InputItem.Fields(fromParameters());
        label = InputItem.Label(_position, fields);
        // A piped row's columns that no field has are ignored; say so once per name (a typo would vanish otherwise).
        if (inputObject is not null && (_unknown ??= NewUnknownFields())?.Warning(fields.Names, $"item {_position}") is string warning)
            WriteWarning(warning);
        return fields;
    }

    private UnknownFields? _unknown;

    /// <summary>The names an item of this cmdlet may carry; null: not checked.</summary>
    private protected virtual UnknownFields? NewUnknownFields() => null;

    /// <summary>Reads and checks an item; false (and one error written) when it is invalid.</summary>
    internal bool TryRead<T>(Func<T> read, object? target, out T item)
    {
        try
        {
            item = read();
            return true;
        }
        catch (ApiValidationException invalid)
        {
            WriteApiError(invalid, target);
            item = default!;
            return false;
        }
    }

    /// <summary>Asks ShouldProcess, then runs one client call and writes its result when <paramref name="output"/>.</summary>
    protected void Send<T>(string target, string action, object? errorTarget, Func<CancellationToken, Task<T>> call, bool output)
    {
        if (!ShouldProcess(target, action)) return;
        ForItem(errorTarget, () =>
        {
            var result = Await(call);
            if (output) WriteObject(result);
        });
    }

    /// <summary>The parameters a user bound, plus the defaults of those left out, as input fields.</summary>
    protected IDictionary<string, object?> BoundFields(IDictionary<string, object?> defaults, params string[] exclude)
    {
        var fields = new Dictionary<string, object?>(defaults, StringComparer.OrdinalIgnoreCase);
        foreach (var kv in MyInvocation.BoundParameters)
        {
            if (Array.IndexOf(exclude, kv.Key) >= 0 || NotFields.Contains(kv.Key)) continue;
            fields[kv.Key] = kv.Value is SwitchParameter s ? s.IsPresent : kv.Value;
        }
        return fields;
    }

    // Common and plumbing parameters: never product fields.
    private static readonly HashSet<string> NotFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable", "WarningVariable",
        "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm", "Connection", "StoreId", "PassThru", "InputObject",
    };
}
