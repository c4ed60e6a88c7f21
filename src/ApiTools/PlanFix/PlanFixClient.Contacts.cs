using System.Runtime.CompilerServices;
using System.Xml.Linq;
using ApiTools.Paging;
using ApiTools.PlanFix.Models;
using ApiTools.PlanFix.Requests;

namespace ApiTools.PlanFix;

// Contacts: the list with its search and filters, one by id or number, contact.add (not repeated once PlanFix may have
// acted) and contact.update (repeated like a read: it sets the same values again).
public sealed partial class PlanFixClient
{
    public async IAsyncEnumerable<PlanFixContact> GetContactsAsync(PlanFixContactQuery? query = null, PageRange range = default,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var p = await ContactListParametersAsync(query ?? new PlanFixContactQuery(), cancellationToken).ConfigureAwait(false);
        await foreach (var x in InvokeListAsync("contact.getList", p, "contacts", "contact", range, cancellationToken).ConfigureAwait(false))
            yield return ContactOf(x);
    }

    public async Task<PlanFixContact> GetContactAsync(long id, CancellationToken cancellationToken = default) =>
        ContactOf(await GetElementAsync("contact.get", "contact", "id", id, cancellationToken).ConfigureAwait(false));

    /// <summary>A contact by its number (general).</summary>
    public async Task<PlanFixContact> GetContactByGeneralAsync(long general, CancellationToken cancellationToken = default) =>
        ContactOf(await GetElementAsync("contact.get", "contact", "general", general, cancellationToken).ConfigureAwait(false));

    /// <summary>Adds a contact (contact.add) and returns it as PlanFix now has it (contact.get).</summary>
    public async Task<PlanFixContact> AddContactAsync(PlanFixContactDraft draft, CancellationToken cancellationToken = default)
    {
        if (draft is null) throw new ArgumentNullException(nameof(draft));
        var custom = await ResolveCustomAsync(ContactKind, draft.CustomFields, null, cancellationToken).ConfigureAwait(false);
        var contact = ContactFields(draft, custom, adding: true);
        var response = await CallWithCustomAsync("contact.add", new XElement("request", contact), custom, cancellationToken).ConfigureAwait(false);
        return await GetContactAsync(IdOf(response, "contact", "contact.add"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes the given (non-null) fields of the contact <see cref="PlanFixContactDraft.Id"/> (or
    /// <see cref="PlanFixContactDraft.General"/>) with one contact.update; the others keep their values.</summary>
    public async Task SetContactAsync(PlanFixContactDraft changes, bool silent = false, CancellationToken cancellationToken = default)
    {
        if (changes is null) throw new ArgumentNullException(nameof(changes));
        if (changes.Id is null && changes.General is null) throw new ArgumentException("A change to a contact needs its Id or General.", nameof(changes));
        var custom = await ResolveCustomAsync(ContactKind, changes.CustomFields, null, cancellationToken).ConfigureAwait(false);
        var request = new XElement("request");
        if (silent) request.Add(new XElement("silent", 1));
        request.Add(ContactFields(changes, custom, adding: false));
        await CallWithCustomAsync("contact.update", request, custom, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Like <see cref="SetContactAsync"/>, then reads the contact back.</summary>
    public async Task<PlanFixContact> UpdateContactAsync(PlanFixContactDraft changes, bool silent = false, CancellationToken cancellationToken = default)
    {
        await SetContactAsync(changes, silent, cancellationToken).ConfigureAwait(false);
        return changes.Id is long id
            ? await GetContactAsync(id, cancellationToken).ConfigureAwait(false)
            : await GetContactByGeneralAsync(changes.General!.Value, cancellationToken).ConfigureAwait(false);
    }

    private PlanFixContact ContactOf(XElement x)
    {
        var contact = _read.Contact(x);
        Connection.Catalog.Learn(ContactKind, contact.CustomFields);
        return contact;
    }

    private XElement ContactFields(PlanFixContactDraft d, IReadOnlyList<CustomValueToSend> custom, bool adding)
    {
        var c = new XElement("contact");
        if (!adding)
        {
            if (d.Id is long id) c.Add(new XElement("id", id));
            else c.Add(new XElement("general", d.General));
        }
        Add(c, "template", d.TemplateId);
        Add(c, "name", d.Name);
        Add(c, "midName", d.MidName);
        Add(c, "lastName", d.LastName);
        if (adding) Add(c, "isCompany", Flag(d.IsCompany));
        Add(c, "post", d.Post);
        Add(c, "email", d.Email);
        if (d.Phones is not null) c.Add(new XElement("phones", d.Phones.Where(n => n.Length > 0).Select(n => new XElement("phone", new XElement("number", n)))));
        Add(c, "address", d.Address);
        Add(c, "description", d.Description);
        Add(c, "sex", d.Sex?.ToUpperInvariant());
        Add(c, "site", d.Site);
        Add(c, "skype", d.Skype);
        if (d.Birthdate is DateTimeOffset born) c.Add(new XElement("birthdate", PlanFixDates.Format(born, Connection.TimeZone, withTime: false)));
        Add(c, "canBeWorker", Flag(d.CanBeWorker));
        Add(c, "canBeClient", Flag(d.CanBeClient));
        if (d.GroupId is long group) c.Add(new XElement("group", new XElement("id", group)));
        if (custom.Count > 0) c.Add(CustomDataElement(custom));
        return c;
    }

    private static XElement CustomDataElement(IEnumerable<CustomValueToSend> values) =>
        new("customData", values.Select(v => new XElement("customValue", new XElement("id", v.Id), new XElement("value", v.Text))));

    private static void Add(XElement parent, string name, object? value)
    {
        if (value is null) return;
        parent.Add(new XElement(name, value is IFormattable f ? f.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : value.ToString()));
    }

    private static string? Flag(bool? value) => value is null ? null : value.Value ? "1" : "0";
}
