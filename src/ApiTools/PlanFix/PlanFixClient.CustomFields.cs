using System.Globalization;
using System.Text.RegularExpressions;
using ApiTools.PlanFix.Models;
using ApiTools.PlanFix.Requests;
using ApiTools.PlanFix.Serialization;

namespace ApiTools.PlanFix;

// Custom fields by name: the XML API has no list of an account's fields, so names resolve to ids from what the
// account's objects carry: the object being changed, every object this connection has read, and, for a name still
// unknown, one look at the kind's templates and first page (once per command). An unknown name is an error naming it.
public sealed partial class PlanFixClient
{
    public const string TaskKind = "task", ContactKind = "contact", ProjectKind = "project";

    private readonly HashSet<string> _discovered = new(StringComparer.Ordinal);

    /// <summary>One custom value ready to send: the field's id and name, the value as text.</summary>
    internal sealed record CustomValueToSend(long Id, string Name, string Text);

    /// <summary>The custom fields a connection has seen on objects of <paramref name="kind"/> (task, contact, project), by name.</summary>
    public IReadOnlyList<string> KnownCustomFields(string kind) => Connection.Catalog.FieldNames(kind);

    /// <summary>Learns the custom fields of <paramref name="kind"/> from its templates and first page (once per client), so
    /// columns named after them are known; returns the names known after.</summary>
    public async Task<IReadOnlyList<string>> LearnCustomFieldsAsync(string kind, CancellationToken cancellationToken = default)
    {
        await DiscoverAsync(kind, cancellationToken).ConfigureAwait(false);
        return KnownCustomFields(kind);
    }

    /// <summary><paramref name="values"/> with each field named resolved to its id; a ValidationFailed error naming every
    /// field that cannot be, before anything is sent.</summary>
    internal async Task<List<CustomValueToSend>> ResolveCustomAsync(string kind, PlanFixCustomValues? values, PlanFixCustomFields? own,
        CancellationToken cancellationToken)
    {
        var resolved = new List<CustomValueToSend>();
        if (values is null || values.Count == 0) return resolved;
        var unknown = Unresolved(kind, values, own, resolved);
        if (unknown.Count > 0)
        {
            await DiscoverAsync(kind, cancellationToken).ConfigureAwait(false);
            resolved.Clear();
            unknown = Unresolved(kind, values, own, resolved);
        }
        if (unknown.Count == 0) return resolved;
        var known = own?.Select(f => f.Name).Where(n => n is not null).Concat(KnownCustomFields(kind)).Distinct(StringComparer.OrdinalIgnoreCase).ToList()
                    ?? KnownCustomFields(kind).ToList<string?>();
        var reason = $"{string.Join(", ", unknown.Select(n => $"'{n}'"))} {(unknown.Count == 1 ? "is not a custom field" : "are not custom fields")} of any {kind} " +
                     $"or {kind} template of this account{(known.Count > 0 ? $" (its {kind} fields: {string.Join(", ", known)})" : "")}; nothing was sent";
        throw new ApiValidationException(ServiceName, $"CustomField {reason}.", unknown.Select(n => new ApiViolation("CustomField", $"'{n}' is not a {kind} custom field")).ToArray())
            { ErrorCode = "client_validation" };
    }

    private List<string> Unresolved(string kind, PlanFixCustomValues values, PlanFixCustomFields? own, List<CustomValueToSend> resolved)
    {
        var unknown = new List<string>();
        foreach (var kv in values)
        {
            var key = kv.Key.Trim();
            var byName = own?.FirstOrDefault(f => string.Equals(f.Name, key, StringComparison.OrdinalIgnoreCase));
            long? id = byName?.FieldId ?? Connection.Catalog.FieldId(kind, key);
            string? name = byName?.Name ?? (id is null ? null : key);
            if (id is null && long.TryParse(key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var given) && given > 0)
            {
                id = given;
                name = own?.FirstOrDefault(f => f.FieldId == given)?.Name ?? Connection.Catalog.FieldName(kind, given) ?? key;
            }
            if (id is null) unknown.Add(key);
            else resolved.Add(new CustomValueToSend(id.Value, name!, PlanFixValueText.Format(kv.Value, Connection.TimeZone)));
        }
        return unknown;
    }

    /// <summary>Reads the kind's templates and its first page once per command, learning the custom fields they carry.</summary>
    private async Task DiscoverAsync(string kind, CancellationToken cancellationToken)
    {
        if (!_discovered.Add(kind)) return;
        var (method, list, item) = kind switch
        {
            TaskKind => ("task.getList", "tasks", "task"),
            ContactKind => ("contact.getList", "contacts", "contact"),
            _ => ("project.getList", "projects", "project"),
        };
        foreach (var target in new[] { "template", null })
        {
            var p = new Dictionary<string, object?> { ["pageCurrent"] = 1, ["pageSize"] = MaxPageSize };
            if (target is not null) p["target"] = target;
            try
            {
                foreach (var x in await ListOnceAsync(method, p, list, item, cancellationToken).ConfigureAwait(false))
                {
                    var fields = x.Element("customData") is { } data ? new PlanFixItemReader(kind, Connection.TimeZone, NullApiObserver.Instance).CustomData(data) : null;
                    if (fields is not null) Connection.Catalog.Learn(kind, fields);
                }
            }
            catch (ApiException refused) when (refused.Kind is ApiErrorKind.ValidationFailed or ApiErrorKind.ProtocolError or ApiErrorKind.NotFound or ApiErrorKind.Forbidden)
            {
                // An account without templates of this kind (or a server that does not list them): the other look still serves.
            }
        }
    }

    /// <summary>Sends a write that carries custom values; a refusal of the values (PlanFix does not say field types) is told
    /// as an error naming the field and the value: the one PlanFix named by id, else every one sent.</summary>
    internal async Task<System.Xml.Linq.XElement> CallWithCustomAsync(string method, object parameters, IReadOnlyList<CustomValueToSend> sent, CancellationToken cancellationToken)
    {
        try
        {
            return await CallAsync(method, parameters, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiValidationException refused) when (sent.Count > 0 && refused.ErrorCode != "client_validation")
        {
            var named = sent.Where(v => Regex.IsMatch(refused.Message, $@"(?<!\d){v.Id}(?!\d)")).ToList();
            var blamed = named.Count > 0 ? named : sent;
            var list = string.Join("; ", blamed.Select(v => $"'{v.Name}' (field {v.Id}) = '{InputTextShort(v.Text)}'"));
            throw new ApiValidationException(ServiceName,
                refused.Message + (named.Count > 0 ? $" The value PlanFix refused: {list}." : $" Custom field values sent: {list}."),
                blamed.Select(v => new ApiViolation(v.Name, $"'{InputTextShort(v.Text)}' was refused")).ToArray(), refused)
            {
                ErrorCode = refused.ErrorCode, StatusCode = refused.StatusCode, Method = refused.Method, Path = refused.Path,
            };
        }
    }

    private static string InputTextShort(string text) => ApiTools.Input.InputFields.Shorten(text, 60);
}
