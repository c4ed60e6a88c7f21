using System.Text.Json;

namespace ApiTools.Emulator.EnDocs;

/// <summary>
/// The write side. Every write is keyed by the caller's <c>RequestID</c> per token: a repeat gets the first
/// answer and is not applied again (see <see cref="EnDocsSeed.Apply"/>). Dictionaries and contracts are
/// keyed by <c>Ext_ID</c>: 201 + the stored object when created, 204 when updated (fields the body names
/// replace the stored ones; the rest stay).
/// </summary>
internal sealed partial class EnDocsEndpoints
{
    /// <summary>Most a non-form upload may carry, decoded, over all its files (20 MB).</summary>
    public const long MaxUploadBytes = 20L * 1024 * 1024;

    private void MapWrites(RouteGroupBuilder group)
    {
        Post(group, "/Dictionaries/AddOrUpdateContractor", c => WriteAsync(c, EnDocsRouteKeys.AddOrUpdateContractor, AddOrUpdateContractor));
        Post(group, "/Dictionaries/AddOrUpdateDepartment", c => WriteAsync(c, EnDocsRouteKeys.AddOrUpdateDepartment, AddOrUpdateDepartment));
        Post(group, "/Dictionaries/AddOrUpdateEmployee", c => WriteAsync(c, EnDocsRouteKeys.AddOrUpdateEmployee, AddOrUpdateEmployee));
        Post(group, "/Contract/AddOrUpdateContract", c => WriteAsync(c, EnDocsRouteKeys.AddOrUpdateContract, AddOrUpdateContract));
        Post(group, "/Metadata/AddOrUpdateNonFormDoc", c => WriteAsync(c, EnDocsRouteKeys.AddOrUpdateNonFormDoc, AddOrUpdateNonFormDoc));
        Post(group, "/Metadata/DocApproval", c => WriteAsync(c, EnDocsRouteKeys.DocApproval, DocApproval));
        Post(group, "/Metadata/AddOrUpdateExtDoc", c => WriteAsync(c, EnDocsRouteKeys.AddOrUpdateExtDoc, AddOrUpdateExtDoc));
        Post(group, "/Metadata/AddOrUpdateLocalDoc", c => WriteAsync(c, EnDocsRouteKeys.AddOrUpdateLocalDoc, AddOrUpdateLocalDoc));
    }

    /// <summary>
    /// Reads the body, lets <paramref name="prepare"/> check it (outside the lock), then applies what it
    /// returns once per (token, RequestID). Refusals are <see cref="EnDocsRequestException"/>s.
    /// </summary>
    private async Task WriteAsync(HttpContext context, string routeKey, Func<EnDocsBody, Func<WriteAnswer>> prepare)
    {
        WriteAnswer answer;
        try
        {
            using var parsed = await EnDocsBody.ReadAsync(context);
            var requestId = parsed.Text("RequestID");
            var apply = prepare(parsed);
            var token = (string)context.Items[EnDocsService.TokenItem]!;
            answer = seed.Apply(token, string.IsNullOrWhiteSpace(requestId) ? null : requestId.Trim(), routeKey, () =>
            {
                try
                {
                    return apply();
                }
                catch (EnDocsRequestException e)
                {
                    return new WriteAnswer(e.Status, EnDocsJson.ErrorBody(e.Message));
                }
            });
        }
        catch (EnDocsRequestException e)
        {
            answer = new WriteAnswer(e.Status, EnDocsJson.ErrorBody(e.Message));
        }
        await EnDocsJson.WriteAsync(context, answer.Status, answer.Body);
    }

    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    private Func<WriteAnswer> AddOrUpdateContractor(EnDocsBody b) => DictionaryWrite<SeedEnDocsContractor>(b, seed.UpsertContractor,
        (extId, name, old, id) => (old ?? new SeedEnDocsContractor(id, name) { Type = null }) with
        {
            Name = name,
            ExtId = extId,
            FullName = b.Merge("FullName", old?.FullName),
            Inn = b.Merge("INN", old?.Inn),
            Kpp = b.Merge("KPP", old?.Kpp),
            Address = b.Merge("Address", old?.Address),
            LawAddress = b.Merge("LawAddress", old?.LawAddress),
            Phone = b.Merge("Phone", old?.Phone),
            Email = b.Merge("Email", old?.Email),
            Type = b.Merge("Type", old?.Type ?? "ЮрЛицо"),
            Contact = b.Merge("Contact", old?.Contact),
            DiadocId = b.Merge("DiadocID", old?.DiadocId),
            Bank = b.Merge("Bank", old?.Bank),
            Bik = b.Merge("BIK", old?.Bik),
            Bill = b.Merge("Bill", old?.Bill),
            Director = b.Merge("Director", old?.Director),
            Ogrn = b.Merge("OGRN", old?.Ogrn),
            Code = b.Merge("Code", old?.Code),
            Comment = b.Merge("Comment", old?.Comment),
        },
        EnDocsJson.WriteContractor,
        "FullName", "INN", "KPP", "Address", "LawAddress", "Phone", "Email", "Type", "Contact", "DiadocID", "Bank", "BIK", "Bill",
        "Director", "OGRN", "Code", "Comment");

    private Func<WriteAnswer> AddOrUpdateDepartment(EnDocsBody b) => DictionaryWrite<SeedEnDocsDepartment>(b, seed.UpsertDepartment,
        (extId, name, old, id) => new(id, extId, name, b.Merge("ParentExt_ID", old?.ParentExtId)),
        EnDocsJson.WriteDepartment,
        "ParentExt_ID");

    private Func<WriteAnswer> AddOrUpdateEmployee(EnDocsBody b) => DictionaryWrite<SeedEnDocsEmployee>(b, seed.UpsertEmployee,
        (extId, name, old, id) => new(id, extId, name)
        {
            Position = b.Merge("Position", old?.Position),
            Email = b.Merge("Email", old?.Email),
            DepartmentExtId = b.Merge("DepartmentExt_ID", old?.DepartmentExtId),
        },
        EnDocsJson.WriteEmployee,
        "Position", "Email", "DepartmentExt_ID");

    private delegate bool Upsert<T>(string extId, Func<T?, long, T> make, out T stored);

    /// <summary>
    /// A dictionary entry keyed by <c>Ext_ID</c>, with a required name and <paramref name="optional"/> text fields (checked
    /// now); under the gate, <paramref name="make"/> builds it from the stored one (null when new) and its id.
    /// </summary>
    private static Func<WriteAnswer> DictionaryWrite<T>(EnDocsBody b, Upsert<T> upsert, Func<string, string, T?, long, T> make,
        Action<Utf8JsonWriter, T> write, params string[] optional) where T : class
    {
        var (extId, name) = KeyAndName(b);
        b.Texts(optional);
        return () => Upserted(upsert(extId, (old, id) => make(extId, name, old, id), out var stored), stored, write);
    }

    private Func<WriteAnswer> AddOrUpdateContract(EnDocsBody b)
    {
        var (extId, name) = KeyAndName(b);
        var validity = b.Date("ValidityPeriod");
        b.Texts("Type", "Subject");
        return UpsertFields(b, EnDocsDocumentKind.Contract, extId, EnDocsGenerator.DocTypeOf(EnDocsDocumentKind.Contract), "Исходящий",
            contract => contract with
            {
                Name = name,
                ContractType = b.Merge("Type", contract.ContractType ?? "С поставщиком"),
                ValidityPeriod = b.Has("ValidityPeriod") ? validity : contract.ValidityPeriod,
                Subject = b.Merge("Subject", contract.Subject),
            });
    }

    private Func<WriteAnswer> AddOrUpdateNonFormDoc(EnDocsBody b)
    {
        // Files first: an oversized upload is refused as such whatever else is wrong with it.
        if (b.Raw("Binaries") is not { } binaries || binaries.ValueKind != JsonValueKind.Array || binaries.GetArrayLength() == 0)
        {
            if (b.Raw("Binaries") is { ValueKind: not JsonValueKind.Array }) throw EnDocsBody.Bad("Binaries must be an array of {FileName, FileBase64}");
            throw EnDocsBody.Bad("Binaries is required");
        }
        var files = new List<SeedEnDocsFile>();
        long total = 0;
        var index = 0;
        foreach (var item in binaries.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) throw EnDocsBody.Bad($"Binaries[{index}] must be an object {{FileName, FileBase64}}");
            var file = EnDocsBody.From(item);
            var fileName = file.Text("FileName");
            if (string.IsNullOrWhiteSpace(fileName)) throw EnDocsBody.Bad($"Binaries[{index}].FileName is required");
            if (file.Raw("FileBase64") is not { ValueKind: JsonValueKind.String } base64) throw EnDocsBody.Bad($"Binaries[{index}].FileBase64 is required");
            if (!base64.TryGetBytesFromBase64(out var bytes)) throw EnDocsBody.Bad($"Binaries[{index}].FileBase64 is not valid base64");
            total += bytes.Length;
            if (total > MaxUploadBytes) throw new EnDocsRequestException(413, "Max file size exceeded ( #err-20)");
            files.Add(new SeedEnDocsFile(fileName, bytes));
            index++;
        }
        var name = b.Required("Name");
        var extId = b.Text("Ext_ID");
        var docDate = b.Date("DocDate");
        b.Texts("Comment");
        return () =>
        {
            var now = Now();
            var created = seed.UpsertDocument(EnDocsDocumentKind.NonForm, string.IsNullOrWhiteSpace(extId) ? null : extId, (old, id) =>
            {
                var start = old ?? new SeedEnDocsDocument(id, EnDocsDocumentKind.NonForm, EnDocsGenerator.DocTypeOf(EnDocsDocumentKind.NonForm),
                    $"НФ-{id}", new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero), now, now)
                {
                    Source = "Входящий",
                    Currency = null,
                    ExtId = string.IsNullOrWhiteSpace(extId) ? null : extId,
                };
                return start with
                {
                    Name = name,
                    DocDate = docDate ?? start.DocDate,
                    Comment = b.Merge("Comment", start.Comment),
                    Modified = now,
                };
            }, files, out var stored);
            // Created: 201; an existing Ext_ID replaced (inferred): 200, both with the document.
            return new WriteAnswer(created ? 201 : 200, EnDocsJson.Bytes(w => WriteDocument(w, stored)));
        };
    }

    private Func<WriteAnswer> DocApproval(EnDocsBody b)
    {
        var id = b.Long("NonFormID") ?? throw EnDocsBody.Bad("NonFormID is required");
        var approved = b.Bool("Approved") ?? throw EnDocsBody.Bad("Approved is required");
        var approver = b.Text("Approver");
        var comment = b.Text("Comment");
        return () =>
        {
            var document = seed.FindLockedForWrite(id);
            if (document is not { Kind: EnDocsDocumentKind.NonForm })
                return new WriteAnswer(404, EnDocsJson.ErrorBody("Document not found"));
            var now = Now();
            seed.Replace(document with { State = approved ? "Согласовано" : "Прервано", Modified = now });
            seed.RecordApproval(new SeedEnDocsApproval(id, approved, approver, comment, now));
            return new WriteAnswer(200, EnDocsJson.Bytes(w =>
            {
                w.WriteStartObject();
                w.WriteString("result", "ok");
                w.WriteEndObject();
            }));
        };
    }

    /// <summary>
    /// Inferred (endocs.md names the endpoint, not its body): a document from the accounting system, keyed by
    /// Ext_ID, its kind from DocTypeId (4 contract, 14 invoice, 16 non-form, anything else a receipt). 201 + the
    /// document when created, 204 when updated. Having an ext_ID, it is left out of the "after id" lists.
    /// </summary>
    private Func<WriteAnswer> AddOrUpdateExtDoc(EnDocsBody b)
    {
        var extId = b.Required("Ext_ID");
        var docType = b.Long("DocTypeId") ?? throw EnDocsBody.Bad("DocTypeId is required");
        var kind = docType switch { 4 => EnDocsDocumentKind.Contract, 14 => EnDocsDocumentKind.Invoice, 16 => EnDocsDocumentKind.NonForm, _ => EnDocsDocumentKind.Input };
        return UpsertFields(b, kind, extId, (int)docType, "Входящий");
    }

    /// <summary>
    /// Inferred: changes a document EnDocs already holds, named by its own id (<c>ID</c>); fields the body names
    /// replace the stored ones. 204, or 404 for an unknown id.
    /// </summary>
    private Func<WriteAnswer> AddOrUpdateLocalDoc(EnDocsBody b)
    {
        var id = b.Long("ID") ?? throw EnDocsBody.Bad("ID is required");
        var docDate = b.Date("DocDate");
        var amount = b.Decimal("Amount");
        b.Texts("DocNumber", "Comment", "Currency");
        return () =>
        {
            var document = seed.FindLockedForWrite(id);
            if (document is null) return new WriteAnswer(404, EnDocsJson.ErrorBody("Document not found"));
            seed.Replace(document with
            {
                DocNumber = b.Merge("DocNumber", document.DocNumber) ?? document.DocNumber,
                DocDate = docDate ?? document.DocDate,
                Amount = b.Has("Amount") ? amount : document.Amount,
                Currency = b.Merge("Currency", document.Currency),
                Comment = b.Merge("Comment", document.Comment),
                Modified = Now(),
            });
            return new WriteAnswer(204, null);
        };
    }

    /// <summary>
    /// A document write keyed by Ext_ID: the fields every document has are merged here (the body's value where it
    /// names one, else the stored one); <paramref name="more"/> merges a kind's own fields (a contract's). Checked
    /// outside the lock, applied under it; 201 + the document when created, 204 when updated.
    /// </summary>
    private Func<WriteAnswer> UpsertFields(EnDocsBody b, EnDocsDocumentKind kind, string extId, int docTypeId, string source,
        Func<SeedEnDocsDocument, SeedEnDocsDocument>? more = null)
    {
        var docDate = b.Date("DocDate");
        var amount = b.Decimal("Amount");
        var vat = b.Decimal("VAT");
        b.Texts("DocNumber", "Comment", "Currency", "ContractorExt_ID");
        return () =>
        {
            var now = Now();
            var contractorExt = b.Text("ContractorExt_ID");
            // An unknown contractor is not refused (the contract says nothing): the document has none.
            var contractor = string.IsNullOrEmpty(contractorExt) ? null : seed.ContractorByExtIdLocked(contractorExt);
            var created = seed.UpsertDocument(kind, extId, (old, id) =>
            {
                var start = old ?? new SeedEnDocsDocument(id, kind, docTypeId, "б/н", new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero), now, now)
                {
                    Source = source,
                };
                var merged = start with
                {
                    ExtId = extId,
                    DocNumber = b.Merge("DocNumber", start.DocNumber) ?? "б/н",
                    DocDate = docDate ?? start.DocDate,
                    Amount = b.Has("Amount") ? amount : start.Amount,
                    Vat = b.Has("VAT") ? vat : start.Vat,
                    Currency = b.Merge("Currency", start.Currency) ?? "RUB",
                    Comment = b.Merge("Comment", start.Comment),
                    ContractorId = b.Has("ContractorExt_ID") ? contractor?.Id : start.ContractorId,
                    Modified = now,
                };
                return more is null ? merged : more(merged);
            }, files: null, out var stored);
            return Upserted(created, stored, WriteDocument);
        };
    }

    /// <summary>Under the gate: a document as the wire shows it.</summary>
    private void WriteDocument(Utf8JsonWriter w, SeedEnDocsDocument document) =>
        EnDocsJson.WriteDocument(w, document, seed.ContractorByIdLocked(document.ContractorId), seed.OrganizationById(document.OrganizationId));

    /// <summary>Dictionaries and contracts are keyed by <c>Ext_ID</c> and named: both required, checked in that order.</summary>
    private static (string ExtId, string Name) KeyAndName(EnDocsBody b) => (b.Required("Ext_ID"), b.Required("Name"));

    /// <summary>201 with the stored object when the write created it, 204 when it updated one.</summary>
    private static WriteAnswer Upserted<T>(bool created, T stored, Action<Utf8JsonWriter, T> write) =>
        created ? new WriteAnswer(201, EnDocsJson.Bytes(w => write(w, stored))) : new WriteAnswer(204, null);
}
