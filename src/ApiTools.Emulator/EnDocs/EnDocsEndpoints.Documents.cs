using System.Text.Json;

namespace ApiTools.Emulator.EnDocs;

/// <summary>
/// Contracts and structured documents (AddOrUpdateContract, AddOrUpdateExtDoc, AddOrUpdateLocalDoc), as EnDocs'
/// backend takes them: the organization and the contractor as objects <c>{Ext_ID, Name, INN, KPP}</c> (found by Ext_ID,
/// else INN and KPP, else made when named), the table part as JSON text, Binaries present on a create (it may be
/// empty), a document made from a non-form one (NonFormID) taking its file and deleting it. A create answers 201; an
/// update 204, changing only the fields whose keys are spelled exactly as the backend's properties.
/// </summary>
internal sealed partial class EnDocsEndpoints
{
    private static readonly Dictionary<int, string> DocTypeNames = new()
    {
        [1] = "Поступление", [2] = "Реализация", [4] = "Договор", [5] = "Счет-фактура исходящий", [6] = "Счет исходящий", [7] = "Банк",
        [8] = "Авансовый отчет", [9] = "Отчет", [10] = "Акт сверки", [11] = "Входящая корреспонденция", [12] = "Исходящая корреспонденция",
        [13] = "Прочее", [14] = "Счет входящий", [15] = "Счет-фактура входящий", [16] = "Необработанные", [19] = "Служебная записка",
    };

    private Func<WriteAnswer> AddOrUpdateContract(EnDocsBody b)
    {
        RequireRequestId(b);
        var name = b.Required("Name");
        // The backend answers a missing Organization with the contractor's message too.
        var contractor = PartyOf(b.Object("Contractor"), "Contractor") ?? throw EnDocsBody.Bad("Field Contractor is required");
        var organization = PartyOf(b.Object("Organization"), "Organization", missing: "Contractor") ?? throw EnDocsBody.Bad("Field Contractor is required");
        var target = TargetOf(b, "ContractID", "No Contract document was found", d => d.Kind == EnDocsDocumentKind.Contract);
        var fields = DocumentFields.Read(b);
        var validity = b.Date("ValidityPeriod");
        b.Texts("Type", "Subject");
        return () =>
        {
            var org = OrganizationLocked(organization, "Organization");
            var party = seed.UpsertPartyContractor(org.Id, contractor.ExtId, contractor.Name, contractor.Inn, contractor.Kpp)
                ?? throw EnDocsBody.Bad("Field Name in Contractor list is required");
            var existing = target.Find(seed, fields.ExtId, EnDocsDocumentKind.Contract, org.Id);
            return Save(b, EnDocsDocumentKind.Contract, 4, existing, fields, "/api/Contract/AddOrUpdateContract", (d, f) => d with
            {
                Name = name,
                OrganizationId = org.Id,
                ContractorId = party.Id,
                ContractType = f.Merge("Type", d.ContractType),
                ValidityPeriod = f.Has("ValidityPeriod") ? validity : d.ValidityPeriod,
                Subject = f.Merge("Subject", d.Subject),
            });
        };
    }

    /// <summary>
    /// AddOrUpdateExtDoc (a document from the accounting system: DocTypeId and Source required, Source Входящий or
    /// Исходящий) and AddOrUpdateLocalDoc (an internal one: Source becomes Внутренний, found by Ext_ID only). The kind the
    /// emulator files it under follows DocTypeId: 14 an invoice, 1 a receipt; other types are in no list.
    /// </summary>
    private Func<WriteAnswer> AddOrUpdateDocument(EnDocsBody b, bool local)
    {
        RequireRequestId(b);
        var docType = (int)(b.Long("DocTypeId") ?? 0);
        var source = b.Text("Source");
        if (!local)
        {
            if (docType == 0) throw EnDocsBody.Bad("Field DocType is required");
            if (string.IsNullOrWhiteSpace(source)) throw EnDocsBody.Bad("Field Source is required");
            if (source is not ("Входящий" or "Исходящий")) throw EnDocsBody.Bad("Field Source value incorrect");
            if (docType is 2 or 5) source = "Исходящий"; // sales registers are outgoing whatever was sent
        }
        var organization = PartyOf(b.Object("Organization"), "Organization") ?? throw EnDocsBody.Bad("Field Organization is required");
        var contractorObject = b.Object("Contractor");
        var contractor = string.IsNullOrWhiteSpace(contractorObject?.Text("Ext_ID")) ? null : PartyOf(contractorObject, "Contractor");
        var contractObject = b.Object("Contract");
        var contract = string.IsNullOrWhiteSpace(contractObject?.Text("Ext_ID")) ? null : contractObject;
        var target = local ? UpdateTarget.ByExtIdOnly : TargetOf(b, "MetaID", "No Metadata document was found", IsMetadata);
        var fields = DocumentFields.Read(b);
        var kind = docType switch { 14 => EnDocsDocumentKind.Invoice, 1 => EnDocsDocumentKind.Input, _ => EnDocsDocumentKind.Other };
        var route = local ? "/api/Metadata/AddOrUpdateLocalDoc" : "/api/Metadata/AddOrUpdateExtDoc";
        return () =>
        {
            var org = OrganizationLocked(organization, "Organization");
            var party = contractor is null ? null
                : seed.UpsertPartyContractor(org.Id, contractor.ExtId, contractor.Name, contractor.Inn, contractor.Kpp)
                  ?? throw EnDocsBody.Bad("Field Name in Contractor list is required");
            var contractName = contract is null ? null : ContractLocked(contract, org, party);
            var existing = target.Find(seed, fields.ExtId, kind, org.Id);
            return Save(b, existing?.Kind ?? kind, docType, existing, fields, route, (d, f) => d with
            {
                DocTypeId = docType != 0 ? docType : d.DocTypeId,
                Source = local ? "Внутренний" : existing is null ? source : f.Merge("Source", d.Source),
                OrganizationId = org.Id,
                ContractorId = party?.Id ?? d.ContractorId,
                Contract = contractName ?? d.Contract,
            });
        };
    }

    /// <summary>Under the gate: the contract a document names, found by Ext_ID in its organization or made (a new one needs a
    /// Name and a contractor: the document's, else the contract's own).</summary>
    private string ContractLocked(EnDocsBody contract, SeedEnDocsOrganization organization, SeedEnDocsContractor? documentContractor)
    {
        var extId = contract.Text("Ext_ID")!;
        var existing = seed.FindDocumentByExtId(extId);
        if (existing is { Kind: EnDocsDocumentKind.Contract }) return existing.Name ?? extId;
        var name = contract.Text("Name");
        if (string.IsNullOrWhiteSpace(name)) throw EnDocsBody.Bad("Field Name in Contract list is required");
        var contractor = documentContractor;
        if (contractor is null && PartyOf(contract.Object("Contractor"), "Contractor") is { } own)
            contractor = seed.UpsertPartyContractor(organization.Id, own.ExtId, own.Name, own.Inn, own.Kpp);
        if (contractor is null) throw EnDocsBody.Bad("Field Contractor in Contract list is required");
        var now = Now();
        seed.UpsertDocument(EnDocsDocumentKind.Contract, extId, (_, id) =>
            new SeedEnDocsDocument(id, EnDocsDocumentKind.Contract, 4, contract.Text("DocNumber") ?? "", contract.Date("DocDate") ?? EnDocsGenerator.Day(now), now, now)
            {
                ExtId = extId, Name = name, OrganizationId = organization.Id, ContractorId = contractor.Id, State = "Проведено в 1С",
            }, [], out _);
        return name!;
    }

    /// <summary>
    /// Under the gate: creates the document (Binaries must be there unless it comes from a non-form document) or updates
    /// <paramref name="existing"/> from the exactly spelled keys only; a NonFormID moves that document's file here and
    /// deletes it; Binaries add or replace files by name.
    /// </summary>
    private WriteAnswer Save(EnDocsBody b, EnDocsDocumentKind kind, int docType, SeedEnDocsDocument? existing, DocumentFields fields, string route,
        Func<SeedEnDocsDocument, EnDocsBody, SeedEnDocsDocument> more)
    {
        var nonForm = fields.NonFormId is { } nf
            ? seed.FindLockedForWrite(nf) is { Kind: EnDocsDocumentKind.NonForm } found ? found : throw EnDocsBody.Bad($"No NonFormDoc with id {nf}")
            : null;
        // The backend walks a missing list, and a LocalDoc without a type fails on the required column: both in the database.
        if (existing is null && ((nonForm is null && fields.Binaries is null) || docType == 0))
            throw new EnDocsRequestException(500, "Database Failure");
        var now = Now();
        var apply = existing is null ? b : b.Exactly();
        var created = existing is null;
        var start = existing ?? new SeedEnDocsDocument(0, kind, docType, "", EnDocsGenerator.Day(now), now, now) { State = "Проведено в 1С", Currency = null };
        var changed = more(fields.Apply(start, apply) with { Modified = now }, apply);
        seed.UpsertDocument(kind, created ? null : existing!.ExtId, (_, id) => changed with { Id = id }, null, out var stored, existing);
        var files = seed.FilesLocked(stored.Id).ToList();
        if (nonForm is not null)
        {
            files.AddRange(seed.FilesLocked(nonForm.Id));
            seed.Delete(nonForm.Id);
        }
        foreach (var file in fields.Binaries ?? [])
        {
            files.RemoveAll(f => f.FileName == file.FileName);
            files.Add(file);
        }
        seed.SetFiles(stored.Id, files);
        if (!created) return new WriteAnswer(204, null);
        var organization = seed.OrganizationByIdLocked(stored.OrganizationId);
        var contractor = seed.ContractorByIdLocked(stored.ContractorId);
        return new WriteAnswer(201, EnDocsJson.Bytes(w => EnDocsJson.WriteCreated(w, stored, DocTypeNames.GetValueOrDefault(stored.DocTypeId), organization, contractor)))
        {
            Location = route,
        };
    }

    /// <summary>How a write finds the document it updates: the EnDocs id named by <paramref name="idKey"/> when given (an
    /// unknown one is refused), else the Ext_ID within the organization.</summary>
    private static UpdateTarget TargetOf(EnDocsBody b, string idKey, string notFound, Func<SeedEnDocsDocument, bool> kind) =>
        b.Long(idKey) is { } id and not 0 ? new UpdateTarget(id, notFound, kind) : UpdateTarget.ByExtIdOnly;
}

/// <summary>The update target of a document write.</summary>
internal sealed record UpdateTarget(long? Id, string? NotFound, Func<SeedEnDocsDocument, bool>? Kind)
{
    public static UpdateTarget ByExtIdOnly { get; } = new(null, null, null);

    /// <summary>Under the gate: the document to update, or null to create one.</summary>
    public SeedEnDocsDocument? Find(EnDocsSeed seed, string? extId, EnDocsDocumentKind kind, long organizationId)
    {
        if (Id is { } id)
            return seed.FindLockedForWrite(id) is { } d && Kind!(d) ? d : throw EnDocsBody.Bad(NotFound!);
        if (string.IsNullOrEmpty(extId)) return null;
        var found = seed.FindDocumentByExtId(extId);
        var sameFamily = found is not null && (found.Kind == EnDocsDocumentKind.Contract) == (kind == EnDocsDocumentKind.Contract);
        return sameFamily && (found!.OrganizationId ?? organizationId) == organizationId ? found : null;
    }
}

/// <summary>The fields contracts and documents share, read (and checked) before the gate, applied under it.</summary>
internal sealed record DocumentFields(string? ExtId, long? NonFormId, List<SeedEnDocsFile>? Binaries, Dictionary<string, DateTimeOffset?> Dates,
    Dictionary<string, decimal?> Numbers, Dictionary<string, bool?> Flags)
{
    private static readonly string[] TextKeys =
    [
        "DocNumber", "Currency", "Comment", "State", "Operation", "PaymentNumber", "DocNumInvoice", "DocNumTaxInvoice", "NotifyUser",
        "PackageID", "Reciever", "Address", "Delivery", "Contact", "EDIId", "EDIState", "EDIProvider",
    ];

    private static readonly string[] DateKeys = ["DocDate", "PaymentDate", "DocDateInvoice", "DocDateTaxInvoice", "PeriodFrom", "PeriodTo"];
    private static readonly string[] NumberKeys = ["Amount", "AmountWOVAT", "AmountToPay", "VAT"];
    private static readonly string[] FlagKeys = ["Signed", "Paid"];

    public static DocumentFields Read(EnDocsBody b)
    {
        var extId = b.Text("Ext_ID");
        b.Texts(TextKeys);
        // The table part is JSON text; anything else fails as the backend fails on it.
        if (b.Value("TablePart") is { ValueKind: not JsonValueKind.String }) throw new EnDocsRequestException(500, "");
        var binaries = b.Value("Binaries") is { } list
            ? list.ValueKind == JsonValueKind.Array ? EnDocsEndpoints.Files(list) : throw EnDocsBody.Bad("No binaries FileBase64 string")
            : null;
        return new DocumentFields(extId, b.Long("NonFormID") is { } nf and not 0 ? nf : null, binaries,
            DateKeys.ToDictionary(k => k, b.Date), NumberKeys.ToDictionary(k => k, b.Decimal), FlagKeys.ToDictionary(k => k, b.Bool));
    }

    /// <summary>The fields <paramref name="b"/> names, over <paramref name="d"/> (on an update, <paramref name="b"/> sees
    /// only exactly spelled keys).</summary>
    public SeedEnDocsDocument Apply(SeedEnDocsDocument d, EnDocsBody b) => d with
    {
        ExtId = b.Has("Ext_ID") ? ExtId : d.ExtId,
        DocNumber = b.Merge("DocNumber", d.DocNumber) ?? "",
        DocDate = b.Has("DocDate") ? Dates["DocDate"] ?? d.DocDate : d.DocDate,
        Amount = b.Has("Amount") ? Numbers["Amount"] : d.Amount,
        AmountWithoutVat = b.Has("AmountWOVAT") ? Numbers["AmountWOVAT"] : d.AmountWithoutVat,
        AmountToPay = b.Has("AmountToPay") ? Numbers["AmountToPay"] : d.AmountToPay,
        Vat = b.Has("VAT") ? Numbers["VAT"] : d.Vat,
        Currency = b.Merge("Currency", d.Currency),
        Comment = b.Merge("Comment", d.Comment),
        State = b.Merge("State", d.State) ?? d.State,
        Operation = b.Merge("Operation", d.Operation),
        Signed = b.Has("Signed") ? Flags["Signed"] : d.Signed,
        Paid = b.Has("Paid") ? Flags["Paid"] : d.Paid,
        PaymentDate = b.Has("PaymentDate") ? Dates["PaymentDate"] : d.PaymentDate,
        PaymentNumber = b.Merge("PaymentNumber", d.PaymentNumber),
        DocNumInvoice = b.Merge("DocNumInvoice", d.DocNumInvoice),
        DocDateInvoice = b.Has("DocDateInvoice") ? Dates["DocDateInvoice"] : d.DocDateInvoice,
        DocNumTaxInvoice = b.Merge("DocNumTaxInvoice", d.DocNumTaxInvoice),
        DocDateTaxInvoice = b.Has("DocDateTaxInvoice") ? Dates["DocDateTaxInvoice"] : d.DocDateTaxInvoice,
        TablePart = b.Merge("TablePart", d.TablePart),
        PackageId = b.Merge("PackageID", d.PackageId),
        NotifyUser = b.Merge("NotifyUser", d.NotifyUser),
        PeriodFrom = b.Has("PeriodFrom") ? Dates["PeriodFrom"] : d.PeriodFrom,
        PeriodTo = b.Has("PeriodTo") ? Dates["PeriodTo"] : d.PeriodTo,
        Reciever = b.Merge("Reciever", d.Reciever),
        Address = b.Merge("Address", d.Address),
        Delivery = b.Merge("Delivery", d.Delivery),
        Contact = b.Merge("Contact", d.Contact),
        EdiId = b.Merge("EDIId", d.EdiId),
        EdiState = b.Merge("EDIState", d.EdiState),
        EdiProvider = b.Merge("EDIProvider", d.EdiProvider),
    };
}
