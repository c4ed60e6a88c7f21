namespace ApiTools.PowerShell.PlanFix;

/// <summary>The write pipeline (<see cref="WriteCmdlet{TConnection,TClient,TDraft}"/>) for PlanFix items; they are named by
/// title or name. Piped columns named after the account's custom fields set those fields.</summary>
public abstract class PlanFixWriteCmdlet<TDraft> : WriteCmdlet<PlanFixConnection, PlanFixClient, TDraft>
{
    private IReadOnlyCollection<string>? _customNames;

    private protected override ServiceKit<PlanFixConnection, PlanFixClient> Kit => PlanFixKit.Instance;

    private protected override string[] LabelFields => new[] { "Title", "Name", "Id" };

    /// <summary>How this cmdlet's items are read: a task's, a contact's or a project's fields, custom fields included. The
    /// handbook record cmdlets have none and read their items their own way (they override the reading).</summary>
    private protected virtual PlanFixItemInput<TDraft>? Input => null;

    /// <summary>True where an item changes one that exists (Set-): its id is required, and what it does not give is kept.</summary>
    private protected virtual bool Updates => false;

    /// <summary>How messages name an item (a Set- cmdlet names one given as parameters by its id).</summary>
    private protected virtual string ItemLabel(string label) => label;

    private protected override UnknownFields? NewUnknownFields() => Input?.NewUnknownFields(CustomFieldNames());

    private protected override TDraft Read(InputFields fields, string label) =>
        Input!.Read(fields, ItemLabel(label), Client.Connection.TimeZone, Updates, CustomFieldNames());

    /// <summary>
    /// The account's custom field names of the kind this cmdlet writes, for columns named after them. When a piped item
    /// has a column no standard field has, the account's templates and first page of that kind are read once for the
    /// command to learn them; otherwise what the connection has seen serves.
    /// </summary>
    private IReadOnlyCollection<string> CustomFieldNames()
    {
        if (_customNames is not null) return _customNames;
        var kind = Input!;
        var known = new HashSet<string>(kind.Standard.Select(InputFields.Normalise), StringComparer.OrdinalIgnoreCase);
        var names = PipedItem is null ? Array.Empty<string>() : InputItem.Fields(PipedItem).Names.ToArray();
        if (names.Any(n => !known.Contains(InputFields.Normalise(n))))
            ForItem(null, () => Await(ct => Client.LearnCustomFieldsAsync(kind.Kind, ct)));
        return _customNames = Client.KnownCustomFields(kind.Kind);
    }

    /// <summary>A handbook's field names (its structure, read once per command), for columns named after them; a handbook
    /// PlanFix does not have stops the command: no item of it can be written.</summary>
    private protected IReadOnlyCollection<string> HandbookFieldNames(string handbook)
    {
        try
        {
            return Await(ct => Client.ResolveHandbookAsync(handbook, ct)).Fields.Select(f => f.Name).OfType<string>().ToList();
        }
        catch (ApiException unknown)
        {
            ThrowTerminatingError(ApiErrorRecords.From(unknown, handbook));
            throw; // not reached: ThrowTerminatingError throws
        }
    }
}
