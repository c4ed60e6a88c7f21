namespace ApiTools.PowerShell.Base;

/// <summary>
/// The one write pipeline of every cmdlet that takes items as named fields: a piped object (a typed object, an
/// Import-Csv row, a hashtable) or the cmdlet's own parameters. For each item: read and check it (an invalid item is
/// one error naming the item and the field; the rest still go), warning once per command about each piped column no
/// field has (a typo would otherwise vanish); ShouldProcess naming the item (-WhatIf sends nothing but still reports
/// invalid items); one client call; its result or a per-item error.
/// </summary>
public abstract class WriteCmdlet<TConnection, TClient, TDraft> : ServiceCmdlet<TConnection, TClient>
    where TConnection : ServiceConnection
    where TClient : class
{
    // Common and plumbing parameters: never fields of an item.
    private static readonly HashSet<string> NotFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable", "WarningVariable",
        "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm", "Connection", "PassThru", "InputObject",
    };

    private long _position;
    private UnknownFields? _unknown;

    /// <summary>This record's piped item (the cmdlet's -InputObject), or null when its item is the cmdlet's own parameters.</summary>
    private protected abstract PSObject? PipedItem { get; }

    /// <summary>The names a piped item may carry (what the reader reads, and the columns the Get- cmdlet writes); null: not checked.</summary>
    private protected abstract UnknownFields? NewUnknownFields();

    /// <summary>Reads and checks one item; throws <see cref="ApiValidationException"/> naming every bad field.</summary>
    private protected abstract TDraft Read(InputFields fields, string label);

    /// <summary>The item as ShouldProcess and errors name it, e.g. <c>product 'Хлеб' (id) in store S</c>.</summary>
    private protected abstract string Describe(TDraft draft);

    /// <summary>The ShouldProcess action: Create, Create or replace, Update, Add or update.</summary>
    private protected abstract string Action { get; }

    /// <summary>The action for one item, as -WhatIf and -Confirm say it: with the <see cref="PromptFields"/> that have a value.</summary>
    private protected virtual string ActionFor(TDraft draft) =>
        PromptFields.Length > 0 && Listed(draft, PromptFields) is { Length: > 0 } changes ? $"{Action} with {changes}" : Action;

    /// <summary>The draft's properties a prompt lists with their values: what a Set- cmdlet would send. None by default.</summary>
    private protected virtual string[] PromptFields => Array.Empty<string>();

    /// <summary>"name 'Хлеб', price 45.5": the named properties of <paramref name="draft"/> that have a value.</summary>
    private protected static string Listed(TDraft draft, params string[] properties) =>
        string.Join(", ", properties
            .Select(name => (Name: name, Value: typeof(TDraft).GetProperty(name)?.GetValue(draft)))
            .Where(p => p.Value is not null && p.Value.ToString() is { Length: > 0 })
            .Select(p => $"{Words(p.Name)} {Shown(p.Value!)}"));

    private static string Words(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string Shown(object value) => value switch
    {
        string text => "'" + InputFields.Shorten(text) + "'",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.CurrentCulture),
        // A list shows its items (ids, custom field values by name), not its type's name.
        System.Collections.IEnumerable items when value.GetType().GetMethod("ToString", Type.EmptyTypes)?.DeclaringType == typeof(object)
            => InputFields.Shorten(string.Join(", ", items.Cast<object?>().Select(ShownItem))),
        _ => InputFields.Shorten(value.ToString() ?? ""),
    };

    private static string ShownItem(object? item) => item switch
    {
        null => "",
        KeyValuePair<string, object?> pair => $"{pair.Key} = {(pair.Value is null ? "(empty)" : Shown(pair.Value))}",
        _ => Shown(item),
    };

    /// <summary>Sends the item; returns the service's answer (<see cref="Boxed{T}"/> turns a client call into one).</summary>
    private protected abstract Task<object?> SendAsync(TDraft draft, CancellationToken cancellationToken);

    /// <summary>What to write for a sent item (null: nothing; e.g. no -PassThru). Runs on the pipeline thread, so it may
    /// write verbose lines too.</summary>
    private protected virtual object? Output(TDraft draft, object? answer) => answer;

    /// <summary>Why an item needs no request (it matches what was read: nothing was edited), said in verbose; null: send it.</summary>
    private protected virtual string? Unchanged(TDraft draft) => null;

    /// <summary>The fields that name an item in messages, first present wins (e.g. Name, then Id).</summary>
    private protected virtual string[] LabelFields => new[] { "Name", "Id" };

    /// <summary>Defaults of the parameters a user left out, as fields (New-EvotorProduct's шт, NO_VAT…).</summary>
    private protected virtual IDictionary<string, object?> ParameterDefaults() => new Dictionary<string, object?>();

    /// <summary>What a failure is reported against: the piped item, else the item's label.</summary>
    private protected virtual object ErrorTarget(TDraft draft, string label) => PipedItem ?? (object)label;

    protected override void ProcessRecord()
    {
        if (ReadItem() is Item item) SendItem(item);
    }

    /// <summary>The next item, read and checked; null (its error written) when it is invalid.</summary>
    private protected Item? ReadItem()
    {
        _position++;
        var piped = PipedItem;
        var fields = piped is not null ? InputItem.Fields(piped) : new InputFields(ParameterFields());
        var label = InputItem.Label(_position, fields, LabelFields);
        if (piped is not null && (_unknown ??= NewUnknownFields())?.Warning(fields.Names, $"item {_position}") is string warning)
            WriteWarning(warning);
        try
        {
            var draft = Read(fields, label);
            return new Item(draft, label, ErrorTarget(draft, label), fields);
        }
        catch (ApiValidationException invalid)
        {
            WriteApiError(invalid, piped ?? (object)label);
            return null;
        }
    }

    /// <summary>Confirms and sends one item read before (now or, for a cmdlet that orders its items, earlier); an item
    /// that needs no request is said in verbose and skipped.</summary>
    private protected void SendItem(Item item)
    {
        if (Unchanged(item.Draft) is string unchanged)
        {
            WriteVerbose(unchanged);
            return;
        }
        if (!ShouldProcess(Describe(item.Draft), ActionFor(item.Draft))) return;
        ForItem(item.Target, () =>
        {
            if (Output(item.Draft, Await(ct => SendAsync(item.Draft, ct))) is object result) WriteObject(result);
        });
    }

    /// <summary>An item read and checked: its draft, how messages name it, what its errors are about, and its fields as given.</summary>
    private protected sealed record Item(TDraft Draft, string Label, object Target, InputFields Fields);

    /// <summary>A client call as <see cref="SendAsync"/> returns it.</summary>
    private protected static async Task<object?> Boxed<T>(Task<T> call) => await call.ConfigureAwait(false);

    /// <summary>A client call with no answer, as <see cref="SendAsync"/> returns it.</summary>
    private protected static async Task<object?> Boxed(Task call)
    {
        await call.ConfigureAwait(false);
        return null;
    }

    /// <summary>The parameters a user bound, plus the defaults of those left out, as fields.</summary>
    private IDictionary<string, object?> ParameterFields()
    {
        var fields = new Dictionary<string, object?>(ParameterDefaults(), StringComparer.OrdinalIgnoreCase);
        foreach (var kv in MyInvocation.BoundParameters)
        {
            if (NotFields.Contains(kv.Key)) continue;
            fields[kv.Key] = kv.Value is SwitchParameter s ? s.IsPresent : kv.Value;
        }
        return fields;
    }
}
