using System.Text.Json;

namespace ApiTools.Emulator.EnDocs;

/// <summary>
/// The write side, following EnDocs' backend: a RequestID is required but only logged (a repeat acts again; an
/// AddOrUpdate is harmless to repeat because it is keyed by Ext_ID), refusals are bare strings with the backend's
/// wording, a create answers 201 with the record and a Location, an update 204. Every write goes to the write log
/// (<see cref="EnDocsSeed.Writes"/>), refused or not. Documents and contracts are in EnDocsEndpoints.Documents.cs.
/// </summary>
internal sealed partial class EnDocsEndpoints
{
    /// <summary>The most one file of a write may hold, decoded (EnDocs: 20 MB, rounded to 0.01 MB).</summary>
    public const long MaxFileBytes = 20L * 1024 * 1024;

    private void MapWrites(RouteGroupBuilder group)
    {
        Post(group, "/Dictionaries/AddOrUpdateContractor", c => WriteAsync(c, EnDocsRouteKeys.AddOrUpdateContractor, AddOrUpdateContractor));
        Post(group, "/Dictionaries/AddOrUpdateDepartment", c => WriteAsync(c, EnDocsRouteKeys.AddOrUpdateDepartment, AddOrUpdateDepartment));
        Post(group, "/Dictionaries/AddOrUpdateEmployee", c => WriteAsync(c, EnDocsRouteKeys.AddOrUpdateEmployee, AddOrUpdateEmployee));
        Post(group, "/Contract/AddOrUpdateContract", c => WriteAsync(c, EnDocsRouteKeys.AddOrUpdateContract, AddOrUpdateContract));
        Post(group, "/Metadata/AddOrUpdateNonFormDoc", c => WriteAsync(c, EnDocsRouteKeys.AddOrUpdateNonFormDoc, AddOrUpdateNonFormDoc));
        Post(group, "/Metadata/DocApproval", c => WriteAsync(c, EnDocsRouteKeys.DocApproval, DocApproval));
        Post(group, "/Metadata/AddOrUpdateExtDoc", c => WriteAsync(c, EnDocsRouteKeys.AddOrUpdateExtDoc, b => AddOrUpdateDocument(b, local: false)));
        Post(group, "/Metadata/AddOrUpdateLocalDoc", c => WriteAsync(c, EnDocsRouteKeys.AddOrUpdateLocalDoc, b => AddOrUpdateDocument(b, local: true)));
    }

    /// <summary>
    /// Reads the body, lets <paramref name="prepare"/> check it (outside the lock), then applies what it returns under
    /// the seed's gate. Refusals are <see cref="EnDocsRequestException"/>s, answered with their bare text.
    /// </summary>
    private async Task WriteAsync(HttpContext context, string routeKey, Func<EnDocsBody, Func<WriteAnswer>> prepare)
    {
        WriteAnswer answer;
        var raw = "";
        try
        {
            using var parsed = await EnDocsBody.ReadAsync(context, text => raw = text);
            var apply = prepare(parsed);
            answer = seed.Apply(routeKey, raw, () =>
            {
                try
                {
                    return apply();
                }
                catch (EnDocsRequestException e)
                {
                    return WriteAnswer.Error(e.Status, e.Message);
                }
            });
        }
        catch (EnDocsRequestException e)
        {
            answer = WriteAnswer.Error(e.Status, e.Message);
            seed.LogRefused(routeKey, raw, e.Status);
        }
        await EnDocsJson.WriteAsync(context, answer);
    }

    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    /// <summary>The write's RequestID: required, only logged.</summary>
    private static void RequireRequestId(EnDocsBody b) => b.Required("RequestID");

    /// <summary>
    /// Contractors (help page, cut off after Phone; the rest of the fields are the entity's): Ext_ID and Name required,
    /// keyed by Ext_ID within the organization a write names (else the account's first). 201 + the entity, or 204.
    /// </summary>
    private Func<WriteAnswer> AddOrUpdateContractor(EnDocsBody b)
    {
        RequireRequestId(b);
        var extId = b.Required("Ext_ID");
        var name = b.Required("Name");
        b.Texts(ContractorFields.Select(f => f.Key).ToArray());
        var organization = PartyOf(b.Object("Organization"), "Organization");
        return () =>
        {
            var organizationId = organization is null ? (long?)null : OrganizationLocked(organization, "Organization").Id;
            var created = seed.UpsertContractor(extId, (old, id) =>
            {
                // Without an Organization a new contractor goes to the account's first organization, an existing one stays.
                var start = (old ?? new SeedEnDocsContractor(id, name)) with { Name = name, ExtId = extId, OrganizationId = organizationId ?? old?.OrganizationId ?? 1 };
                foreach (var (field, set) in ContractorFields)
                    if (b.Has(field)) start = set(start, b.Text(field));
                return start;
            }, out var stored);
            return Upserted(created, stored, EnDocsJson.WriteContractor, "/api/Dictionaries/AddOrUpdateContractor");
        };
    }

    // Optional contractor fields by their request key: a present key replaces the stored value.
    private static readonly (string Key, Func<SeedEnDocsContractor, string?, SeedEnDocsContractor> Set)[] ContractorFields =
    [
        ("FullName", (c, v) => c with { FullName = v }), ("INN", (c, v) => c with { Inn = v }), ("KPP", (c, v) => c with { Kpp = v }),
        ("DiadocID", (c, v) => c with { DiadocId = v }), ("Type", (c, v) => c with { Type = v }), ("Address", (c, v) => c with { Address = v }),
        ("LawAddress", (c, v) => c with { LawAddress = v }), ("Contact", (c, v) => c with { Contact = v }), ("Phone", (c, v) => c with { Phone = v }),
        ("Email", (c, v) => c with { Email = v }), ("Bank", (c, v) => c with { Bank = v }), ("BIK", (c, v) => c with { Bik = v }),
        ("Bill", (c, v) => c with { Bill = v }), ("Director", (c, v) => c with { Director = v }), ("OGRN", (c, v) => c with { Ogrn = v }),
        ("Code", (c, v) => c with { Code = v }), ("Comment", (c, v) => c with { Comment = v }), ("Manager", (c, v) => c with { Manager = v }),
        ("WorkKind", (c, v) => c with { WorkKind = v }), ("Url", (c, v) => c with { Url = v }),
    ];

    /// <summary>Departments (help page): Ext_ID and Name required; FullName, <c>manager</c> (the head's e-mail), Code, Organization.</summary>
    private Func<WriteAnswer> AddOrUpdateDepartment(EnDocsBody b)
    {
        var extId = b.Required("Ext_ID");
        var name = b.Required("Name");
        b.Texts("FullName", "manager", "Code");
        var organization = PartyOf(b.Object("Organization"), "Organization");
        return () =>
        {
            var organizationId = organization is null ? (long?)null : OrganizationLocked(organization, "Organization").Id;
            var created = seed.UpsertDepartment(extId, (old, id) => (old ?? new SeedEnDocsDepartment(id, extId, name)) with
            {
                Name = name,
                FullName = b.Merge("FullName", old?.FullName),
                Manager = b.Merge("manager", old?.Manager),
                Code = b.Merge("Code", old?.Code),
                OrganizationId = organizationId ?? old?.OrganizationId,
            }, out var stored);
            return Upserted(created, stored, EnDocsJson.WriteDepartment, "/api/Dictionaries/AddOrUpdateDepartment");
        };
    }

    /// <summary>
    /// Employees (help page): FirstName, LastName and MiddleName required; Ext_ID optional (keyed by it, else by e-mail);
    /// <c>birthdate</c> a date, <c>department</c> an object whose <c>ext_id</c> names a department (made when unknown and
    /// named), Organization.
    /// </summary>
    private Func<WriteAnswer> AddOrUpdateEmployee(EnDocsBody b)
    {
        var first = b.Required("FirstName");
        var last = b.Required("LastName");
        var middle = b.Required("MiddleName");
        var extId = b.Text("Ext_ID");
        var email = b.Text("email");
        var birth = b.Date("birthdate");
        b.Texts("MobilePhone", "Position");
        var department = b.Object("department");
        var departmentExtId = department?.Text("ext_id");
        var departmentName = department?.Text("Name");
        var organization = PartyOf(b.Object("Organization"), "Organization");
        return () =>
        {
            var organizationId = organization is null ? (long?)null : OrganizationLocked(organization, "Organization").Id;
            if (!string.IsNullOrEmpty(departmentExtId) && !seed.Departments.Any(d => d.ExtId == departmentExtId))
            {
                if (string.IsNullOrWhiteSpace(departmentName)) throw EnDocsBody.Bad("Field Name in Department list is required");
                seed.UpsertDepartment(departmentExtId, (_, id) => new SeedEnDocsDepartment(id, departmentExtId, departmentName!) { OrganizationId = organizationId }, out _);
            }
            var created = seed.UpsertEmployee(extId, email, (old, id) => new SeedEnDocsEmployee(id, extId ?? old?.ExtId, last, first, middle)
            {
                Email = b.Merge("email", old?.Email),
                MobilePhone = b.Merge("MobilePhone", old?.MobilePhone),
                Position = b.Merge("Position", old?.Position),
                BirthDate = b.Has("birthdate") ? birth : old?.BirthDate,
                DepartmentExtId = department is null ? old?.DepartmentExtId : departmentExtId,
                OrganizationId = organizationId ?? old?.OrganizationId,
            }, out var stored);
            return Upserted(created, stored, EnDocsJson.WriteEmployee, "/api/Dictionaries/AddOrUpdateEmployee");
        };
    }

    /// <summary>
    /// A file as a new non-form document. The files are checked first (present, named, base64, each at most 20 MB); only
    /// the first is kept, as the backend keeps only it, and its file name is the only name the document has. Always creates.
    /// </summary>
    private Func<WriteAnswer> AddOrUpdateNonFormDoc(EnDocsBody b)
    {
        if (b.Value("Binaries") is not { ValueKind: JsonValueKind.Array } binaries || binaries.GetArrayLength() == 0)
            throw EnDocsBody.Bad("File is required");
        var files = Files(binaries);
        RequireRequestId(b);
        var sender = b.Text("Sender");
        var organizationId = b.Long("OrganizationId");
        var docDate = b.Date("DocDate");
        var amount = b.Decimal("Amount");
        b.Texts("Comment");
        return () =>
        {
            var now = Now();
            seed.UpsertDocument(EnDocsDocumentKind.NonForm, null, (_, id) =>
                new SeedEnDocsDocument(id, EnDocsDocumentKind.NonForm, EnDocsGenerator.DocTypeOf(EnDocsDocumentKind.NonForm), $"НФ-{id}",
                    docDate ?? EnDocsGenerator.Day(now), now, now)
                {
                    Source = "Входящий",
                    Currency = null,
                    Sender = sender,
                    Amount = amount,
                    Comment = b.Text("Comment"),
                    OrganizationId = organizationId,
                }, [files[0]], out var stored);
            return new WriteAnswer(201, EnDocsJson.Bytes(w => EnDocsJson.WriteNonFormCreated(w, stored, seed.OrganizationByIdLocked(stored.OrganizationId))))
            {
                Location = "/api/Metadata/AddOrUpdateNonFormDoc",
            };
        };
    }

    /// <summary>The files of a write's Binaries, checked as the backend checks them.</summary>
    internal static List<SeedEnDocsFile> Files(JsonElement binaries)
    {
        var files = new List<SeedEnDocsFile>();
        foreach (var item in binaries.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) throw EnDocsBody.Bad("No binaries FileBase64 string");
            var file = EnDocsBody.From(item);
            if (file.Value("FileBase64") is not { ValueKind: JsonValueKind.String } base64 || string.IsNullOrEmpty(base64.GetString()))
                throw EnDocsBody.Bad("No binaries FileBase64 string");
            var fileName = file.Value("FileName") is { ValueKind: JsonValueKind.String } n ? n.GetString() : null;
            if (string.IsNullOrWhiteSpace(fileName)) throw EnDocsBody.Bad("No file name");
            if (!base64.TryGetBytesFromBase64(out var bytes)) throw EnDocsBody.Bad("Can not parse File to Base64");
            if (Math.Round(bytes.Length / 1048576.0, 2) > 20) throw EnDocsBody.Bad("Max File size exceeded ( #err-20)");
            files.Add(new SeedEnDocsFile(fileName!, bytes));
        }
        return files;
    }

    /// <summary>
    /// DocApproval declines a non-form document: it is deleted, with who declined it and why. Approving is refused
    /// (<c>Wrong approval for document was found</c>): a document is approved by making a document or contract of it
    /// (NonFormID). 200 with the bare text <c>Success</c>.
    /// </summary>
    private Func<WriteAnswer> DocApproval(EnDocsBody b)
    {
        RequireRequestId(b);
        var id = b.Long("NonFormID") is { } n and not 0 ? n : throw EnDocsBody.Bad("Field NonFormID is required");
        var approved = b.Bool("Approved") ?? false;
        var approver = b.Text("Approver");
        var comment = b.Text("Comment");
        return () =>
        {
            if (seed.FindLockedForWrite(id) is not { Kind: EnDocsDocumentKind.NonForm })
                return WriteAnswer.Error(400, $"No NonFormDoc with id {id} was found");
            if (approved) return WriteAnswer.Error(400, "Wrong approval for document was found");
            seed.RecordApproval(new SeedEnDocsApproval(id, approved, approver, comment, Now()));
            seed.Delete(id);
            return new WriteAnswer(200, null, "Success");
        };
    }

    /// <summary>A party a write names as an object: its Ext_ID (required, else <c>Field {what} is required</c>), Name, INN, KPP.</summary>
    private static PartyRef? PartyOf(EnDocsBody? party, string what, string? missing = null)
    {
        if (party is null) return null;
        var extId = party.Text("Ext_ID");
        if (string.IsNullOrWhiteSpace(extId)) throw EnDocsBody.Bad($"Field {missing ?? what} is required");
        return new PartyRef(extId!, party.Text("Name"), party.Text("INN"), party.Text("KPP"));
    }

    private sealed record PartyRef(string ExtId, string? Name, string? Inn, string? Kpp);

    /// <summary>Under the gate: the organization a write names, found or made (a new one needs a name).</summary>
    private SeedEnDocsOrganization OrganizationLocked(PartyRef party, string list) =>
        seed.UpsertOrganization(party.ExtId, party.Name, party.Inn, party.Kpp)
        ?? throw EnDocsBody.Bad($"Field Name in {list} list is required");

    /// <summary>201 with the stored object and a Location when the write created it, 204 when it updated one.</summary>
    private static WriteAnswer Upserted<T>(bool created, T stored, Action<Utf8JsonWriter, T> write, string location) =>
        created ? new WriteAnswer(201, EnDocsJson.Bytes(w => write(w, stored))) { Location = location } : new WriteAnswer(204, null);
}
