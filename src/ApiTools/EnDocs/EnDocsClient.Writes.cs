using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ApiTools.EnDocs.Serialization;
using ApiTools.EnDocs.Models;
using ApiTools.EnDocs.Requests;

namespace ApiTools.EnDocs;

// Reference data, contracts, structured and non-form documents, declines. Every write makes its RequestID once, before the
// first attempt, and sends the same one on each retry, so retries are traceable. EnDocs only logs it, though: it
// deduplicates nothing. So a write is retried like an idempotent call only when it is an AddOrUpdate keyed by an id (a
// repeat finds what the first made and updates it); an upload and a decline are retried only where EnDocs certainly did
// not act.
public sealed partial class EnDocsClient
{
    /// <summary>EnDocs' limit on a document's files, decoded (checked per document here, per file by EnDocs).</summary>
    public const long MaxNonFormBytes = 20L * 1024 * 1024;

    public Task<EnDocsWriteResult> AddOrUpdateContractorAsync(EnDocsContractor contractor, CancellationToken cancellationToken = default)
    {
        Require(contractor.ExtId, contractor.Name);
        return WriteAsync(EnDocsRoutes.AddOrUpdateContractor, "AddOrUpdateContractor", contractor.ExtId, keyed: true, id => new ContractorBody
        {
            RequestID = id, Ext_ID = contractor.ExtId, FullName = contractor.FullName, Name = contractor.Name, INN = contractor.Inn,
            KPP = contractor.Kpp, DiadocID = contractor.DiadocId, Address = contractor.Address, Contact = contractor.Contact,
            Phone = contractor.Phone, Type = contractor.Type, LawAddress = contractor.LawAddress, Email = contractor.Email,
            Bank = contractor.Bank, BIK = contractor.Bik, Bill = contractor.Bill, Director = contractor.Director, OGRN = contractor.Ogrn,
            Code = contractor.Code, Comment = contractor.Comment, Manager = contractor.Manager, Organization = Party(contractor.OrganizationExtId),
        }, EnDocsJsonContext.Default.ContractorBody, cancellationToken);
    }

    public Task<EnDocsWriteResult> AddOrUpdateDepartmentAsync(EnDocsDepartment department, CancellationToken cancellationToken = default)
    {
        Require(department.ExtId, department.Name);
        return WriteAsync(EnDocsRoutes.AddOrUpdateDepartment, "AddOrUpdateDepartment", department.ExtId, keyed: true, id => new DepartmentBody
        {
            RequestID = id, Ext_ID = department.ExtId, FullName = department.FullName, Name = department.Name, Manager = department.Manager,
            Code = department.Code, Organization = Party(department.OrganizationExtId),
        }, EnDocsJsonContext.Default.DepartmentBody, cancellationToken);
    }

    /// <summary>An employee: FirstName, LastName and MiddleName are required (as EnDocs' page marks them); keyed by ExtId when
    /// given, so only then is a repeat safe.</summary>
    public Task<EnDocsWriteResult> AddOrUpdateEmployeeAsync(EnDocsEmployee employee, CancellationToken cancellationToken = default)
    {
        foreach (var (field, value) in new[] { ("LastName", employee.LastName), ("FirstName", employee.FirstName), ("MiddleName", employee.MiddleName) })
            if (string.IsNullOrWhiteSpace(value)) throw Invalid($"employee '{employee.ExtId ?? employee.Email}'", field, "is required");
        var extId = string.IsNullOrWhiteSpace(employee.ExtId) ? null : employee.ExtId;
        return WriteAsync(EnDocsRoutes.AddOrUpdateEmployee, "AddOrUpdateEmployee", extId, keyed: extId is not null, id => new EmployeeBody
        {
            RequestID = id, BirthDate = Day(employee.BirthDate),
            Department = string.IsNullOrWhiteSpace(employee.DepartmentExtId) ? null : new DepartmentRefBody { ExtId = employee.DepartmentExtId! },
            Ext_ID = extId, Email = employee.Email, FirstName = employee.FirstName, LastName = employee.LastName, MiddleName = employee.MiddleName,
            MobilePhone = employee.MobilePhone, Position = employee.Position, Organization = Party(employee.OrganizationExtId),
        }, EnDocsJsonContext.Default.EmployeeBody, cancellationToken);
    }

    /// <summary>A contract: ExtId, Name, the contractor's and the organization's Ext_ID are required (the contract's own page
    /// marks the parties required; its backend refuses a contract without a name).</summary>
    public Task<EnDocsWriteResult> AddOrUpdateContractAsync(EnDocsContractDraft contract, CancellationToken cancellationToken = default)
    {
        Require(contract.ExtId, contract.Name);
        if (string.IsNullOrWhiteSpace(contract.ContractorExtId)) throw Invalid($"contract '{contract.ExtId}'", "ContractorExtId", "is required");
        if (string.IsNullOrWhiteSpace(contract.OrganizationExtId)) throw Invalid($"contract '{contract.ExtId}'", "OrganizationExtId", "is required");
        CheckFiles($"contract '{contract.ExtId}'", contract.Files);
        return WriteAsync(EnDocsRoutes.AddOrUpdateContract, "AddOrUpdateContract", contract.ExtId, keyed: true, id => new ContractBody
        {
            RequestID = id, Ext_ID = contract.ExtId, DocDate = Day(contract.DocDate), DocNumber = contract.DocNumber, Name = contract.Name,
            Contractor = Party(contract.ContractorExtId), Organization = Party(contract.OrganizationExtId), Type = contract.Type,
            ValidityPeriod = Day(contract.ValidityPeriod), Amount = contract.Amount, AmountWOVAT = contract.AmountWithoutVat, VAT = contract.Vat,
            Currency = contract.Currency, Comment = contract.Comment, Subject = contract.Subject, State = contract.State,
            NonFormID = contract.NonFormId, ContractID = contract.ContractId, Binaries = Binaries(contract.Files),
        }, EnDocsJsonContext.Default.ContractBody, cancellationToken);
    }

    /// <summary>
    /// A structured document: AddOrUpdateExtDoc, or AddOrUpdateLocalDoc when its Source is Внутренний. Source, DocTypeId
    /// and the organization's Ext_ID are required, and an ExtId or MetaId to find it by on the next run (a local document:
    /// an ExtId). Checked before anything is sent.
    /// </summary>
    public Task<EnDocsWriteResult> AddOrUpdateDocumentAsync(EnDocsDocumentDraft document, CancellationToken cancellationToken = default)
    {
        var what = $"document '{document.ExtId ?? document.MetaId?.ToString(CultureInfo.InvariantCulture) ?? document.DocNumber}'";
        if (document.Source is not (EnDocsDocumentDraft.Incoming or EnDocsDocumentDraft.Outgoing or EnDocsDocumentDraft.Internal))
            throw Invalid(what, "Source", $"is '{document.Source}': write {EnDocsDocumentDraft.Incoming}, {EnDocsDocumentDraft.Outgoing} or {EnDocsDocumentDraft.Internal}");
        if (document.DocTypeId <= 0) throw Invalid(what, "DocTypeId", "is required");
        if (string.IsNullOrWhiteSpace(document.OrganizationExtId)) throw Invalid(what, "OrganizationExtId", "is required");
        if (string.IsNullOrWhiteSpace(document.ExtId) && (document.IsLocal || document.MetaId is null))
            throw Invalid(what, "ExtId", document.IsLocal ? "is required: EnDocs finds a local document by it" : "or MetaId is required: EnDocs finds the document by it");
        if (document.IsLocal && document.MetaId is not null) throw Invalid(what, "MetaId", "is not taken for a local document (Source Внутренний): EnDocs finds it by ExtId");
        CheckFiles(what, document.Files);
        var local = document.IsLocal;
        return WriteAsync(local ? EnDocsRoutes.AddOrUpdateLocalDoc : EnDocsRoutes.AddOrUpdateExtDoc, local ? "AddOrUpdateLocalDoc" : "AddOrUpdateExtDoc",
            document.ExtId, keyed: true, id => new DocumentBody
            {
                RequestID = id, Ext_ID = document.ExtId, MetaID = document.MetaId, NonFormID = document.NonFormId, DocTypeId = document.DocTypeId,
                Source = local ? null : document.Source, Organization = Party(document.OrganizationExtId), Contractor = Party(document.ContractorExtId),
                Contract = Party(document.ContractExtId), DocNumber = document.DocNumber, DocDate = Day(document.DocDate), Amount = document.Amount,
                AmountWOVAT = document.AmountWithoutVat, AmountToPay = document.AmountToPay, VAT = document.Vat, Currency = document.Currency,
                DocNumInvoice = document.DocNumInvoice, DocDateInvoice = Day(document.DocDateInvoice), DocNumTaxInvoice = document.DocNumTaxInvoice,
                DocDateTaxInvoice = Day(document.DocDateTaxInvoice), Operation = document.Operation, Comment = document.Comment, State = document.State,
                Signed = document.Signed, Paid = document.Paid, PaymentDate = Day(document.PaymentDate), PaymentNumber = document.PaymentNumber,
                NotifyUser = document.NotifyUser, TablePart = document.TablePart?.ToString(), PeriodFrom = Day(document.PeriodFrom),
                PeriodTo = Day(document.PeriodTo), Reciever = document.Receiver, Address = document.Address, Delivery = document.Delivery,
                Contact = document.Contact, PackageID = document.PackageId, DocKindId = document.DocKindId, EDIId = document.EdiId,
                EDIState = document.EdiState, EDIProvider = document.EdiProvider, Binaries = Binaries(document.Files),
            }, EnDocsJsonContext.Default.DocumentBody, cancellationToken);
    }

    /// <summary>
    /// Uploads a non-form document. Its files are checked first: at least one, and at most <see cref="MaxNonFormBytes"/> in
    /// all, else <see cref="ApiValidationException"/> and nothing is sent. The first file goes under
    /// <see cref="EnDocsNonFormDraft.Name"/>: EnDocs keeps no other name. EnDocs creates a new document every time, so a
    /// failed upload is retried only where it certainly did not arrive.
    /// </summary>
    public Task<EnDocsWriteResult> AddNonFormDocumentAsync(EnDocsNonFormDraft document, CancellationToken cancellationToken = default)
    {
        if (document.Files.Count == 0) throw Invalid($"document '{document.Name}'", "Path", "names no file: a non-form document needs at least one");
        var first = document.FirstFileName(document.Files[0].FileName);
        CheckFiles($"document '{first}'", document.Files);
        if (document.Files.Count > 1)
            Transport.Observer.OnWarning(
                $"EnDocs keeps only the first file of a non-form document ('{first}'); the other {document.Files.Count - 1} are sent but may not be kept. Upload one document per file to keep each.");
        var files = document.Files.Select((f, i) => i == 0 ? new EnDocsFileContent(first, f.Content) : f).ToList();
        return WriteAsync(EnDocsRoutes.AddOrUpdateNonFormDoc, "AddOrUpdateNonFormDoc", null, keyed: false, id => new NonFormBody
        {
            RequestID = id, Binaries = Binaries(files), Sender = document.Sender, OrganizationId = document.OrganizationId, Comment = document.Comment,
            DocTypeId = document.DocTypeId, DocDate = Day(document.DocDate), ContractorId = document.ContractorId, Amount = document.Amount,
        }, EnDocsJsonContext.Default.NonFormBody, cancellationToken, fileName: first);
    }

    /// <summary>Declines a non-form document (DocApproval with Approved false): EnDocs deletes it and tells its sender why.
    /// EnDocs has no approval through DocApproval: a non-form document is approved by making a document or a contract of it
    /// (<see cref="EnDocsDocumentDraft.NonFormId"/>, <see cref="EnDocsContractDraft.NonFormId"/>).</summary>
    public async Task DeclineDocumentAsync(long nonFormId, string? approver, string? comment, CancellationToken cancellationToken = default)
    {
        await WriteAsync(EnDocsRoutes.DocApproval, "DocApproval", null, keyed: false, id => new ApprovalBody
        {
            RequestID = id, NonFormID = nonFormId, Approved = false, Approver = approver, Comment = comment,
        }, EnDocsJsonContext.Default.ApprovalBody, cancellationToken).ConfigureAwait(false);
    }

    /// <param name="keyed">True for an AddOrUpdate keyed by an id: a repeat updates what the first made, so the transport may
    /// retry it like an idempotent call.</param>
    private async Task<EnDocsWriteResult> WriteAsync<TBody>(string path, string operation, string? extId, bool keyed, Func<string, TBody> makeBody,
        JsonTypeInfo<TBody> bodyType, CancellationToken cancellationToken, string? fileName = null)
    {
        var requestId = Guid.NewGuid().ToString("D");
        // Serialized once: every attempt sends the same bytes with the same RequestID.
        var bytes = JsonSerializer.SerializeToUtf8Bytes(makeBody(requestId), bodyType);
        var request = new ApiRequest(HttpMethod.Post, path) { Content = () => JsonContent(bytes), IdempotencyKey = keyed ? requestId : null };
        return await Transport.SendAsync(request, async (response, ct) =>
        {
            var created = response.StatusCode == HttpStatusCode.Created;
            // A decline answers the bare text "Success"; only a JSON object says anything more.
            var media = response.Content.Headers.ContentType?.MediaType;
            var answer = response.StatusCode == HttpStatusCode.NoContent || media is not null && !media.Contains("json") ? null
                : await RawRequest.ReadJsonAsync(response, ServiceName, ct).ConfigureAwait(false);
            long? id = null;
            if (answer is JsonElement { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty("id", out var idValue))
                id = idValue.ValueKind == JsonValueKind.Number && idValue.TryGetInt64(out var n) ? n
                    : idValue.ValueKind == JsonValueKind.String && long.TryParse(idValue.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : null;
            return new EnDocsWriteResult { Operation = operation, ExtId = extId, Created = created, Id = id, RequestId = requestId, FileName = fileName };
        }, cancellationToken).ConfigureAwait(false);
    }

    private static ByteArrayContent JsonContent(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static PartyBody? Party(string? extId) => string.IsNullOrWhiteSpace(extId) ? null : new PartyBody { Ext_ID = extId!.Trim() };

    private static List<BinaryBody> Binaries(IEnumerable<EnDocsFileContent> files) =>
        files.Select(f => new BinaryBody { FileName = f.FileName, FileBase64 = Convert.ToBase64String(f.Content) }).ToList();

    /// <summary>At most <see cref="MaxNonFormBytes"/> of files a document, checked before anything is sent.</summary>
    private static void CheckFiles(string what, IReadOnlyCollection<EnDocsFileContent> files)
    {
        var total = files.Sum(f => (long)f.Content.Length);
        if (total > MaxNonFormBytes)
            throw Invalid(what, "Path", $"its files are {total:N0} bytes in all; EnDocs takes at most {MaxNonFormBytes:N0} (20 MB)");
    }

    /// <summary>Request bodies carry dates as dd.MM.yyyy.</summary>
    private static string? Day(DateTime? date) => date?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static void Require(string? extId, string? name)
    {
        if (string.IsNullOrWhiteSpace(extId)) throw Invalid("the record", "ExtId", "is required: EnDocs keys reference data by Ext_ID");
        if (string.IsNullOrWhiteSpace(name)) throw Invalid($"record '{extId}'", "Name", "is required");
    }

    internal static ApiValidationException Invalid(string what, string field, string reason) =>
        new(ServiceName, $"{char.ToUpperInvariant(what[0])}{what.Substring(1)} is not valid, so it was not sent: {field} {reason}.",
            new[] { new ApiViolation(field, reason) })
        {
            ErrorCode = "client_validation",
        };
}
