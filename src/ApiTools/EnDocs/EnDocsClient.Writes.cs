using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ApiTools.EnDocs.Serialization;
using ApiTools.EnDocs.Models;
using ApiTools.EnDocs.Requests;

namespace ApiTools.EnDocs;

// Reference data, contracts, non-form documents and approvals. Every write makes its RequestID once,
// before the first attempt, and sends the same one on each retry: EnDocs answers a repeat with the first
// answer without acting twice, so the transport may retry the POST like an idempotent call.
public sealed partial class EnDocsClient
{
    /// <summary>EnDocs' limit on a non-form document's files, decoded, in all.</summary>
    public const long MaxNonFormBytes = 20L * 1024 * 1024;

    public Task<EnDocsWriteResult> AddOrUpdateContractorAsync(EnDocsContractor contractor, CancellationToken cancellationToken = default)
    {
        Require(contractor.ExtId, contractor.Name);
        return WriteAsync(EnDocsRoutes.AddOrUpdateContractor, "AddOrUpdateContractor", contractor.ExtId, id => new ContractorBody
        {
            RequestID = id, Ext_ID = contractor.ExtId, Name = contractor.Name, FullName = contractor.FullName, INN = contractor.Inn,
            KPP = contractor.Kpp, Address = contractor.Address, LawAddress = contractor.LawAddress, Phone = contractor.Phone,
            Email = contractor.Email, Type = contractor.Type,
        }, EnDocsJsonContext.Default.ContractorBody, cancellationToken);
    }

    public Task<EnDocsWriteResult> AddOrUpdateDepartmentAsync(EnDocsDepartment department, CancellationToken cancellationToken = default)
    {
        Require(department.ExtId, department.Name);
        return WriteAsync(EnDocsRoutes.AddOrUpdateDepartment, "AddOrUpdateDepartment", department.ExtId, id => new DepartmentBody
        {
            RequestID = id, Ext_ID = department.ExtId, Name = department.Name, ParentExt_ID = department.ParentExtId,
        }, EnDocsJsonContext.Default.DepartmentBody, cancellationToken);
    }

    public Task<EnDocsWriteResult> AddOrUpdateEmployeeAsync(EnDocsEmployee employee, CancellationToken cancellationToken = default)
    {
        Require(employee.ExtId, employee.Name);
        return WriteAsync(EnDocsRoutes.AddOrUpdateEmployee, "AddOrUpdateEmployee", employee.ExtId, id => new EmployeeBody
        {
            RequestID = id, Ext_ID = employee.ExtId, Name = employee.Name, Position = employee.Position, Email = employee.Email,
            DepartmentExt_ID = employee.DepartmentExtId,
        }, EnDocsJsonContext.Default.EmployeeBody, cancellationToken);
    }

    public Task<EnDocsWriteResult> AddOrUpdateContractAsync(EnDocsContractDraft contract, CancellationToken cancellationToken = default)
    {
        Require(contract.ExtId, contract.Name);
        return WriteAsync(EnDocsRoutes.AddOrUpdateContract, "AddOrUpdateContract", contract.ExtId, id => new ContractBody
        {
            RequestID = id, Ext_ID = contract.ExtId, Name = contract.Name, DocNumber = contract.DocNumber, DocDate = Day(contract.DocDate),
            Amount = contract.Amount, Currency = contract.Currency, ContractorExt_ID = contract.ContractorExtId, Type = contract.Type,
            ValidityPeriod = Day(contract.ValidityPeriod), Subject = contract.Subject,
        }, EnDocsJsonContext.Default.ContractBody, cancellationToken);
    }

    /// <summary>Uploads a non-form document. Its files are checked first: at least one, and at most
    /// <see cref="MaxNonFormBytes"/> in all, else <see cref="ApiValidationException"/> and nothing is sent.</summary>
    public Task<EnDocsWriteResult> AddNonFormDocumentAsync(EnDocsNonFormDraft document, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(document.Name)) throw Invalid("the document", "Name", "is required");
        if (document.Files.Count == 0) throw Invalid($"document '{document.Name}'", "Path", "names no file: a non-form document needs at least one");
        var total = document.Files.Sum(f => (long)f.Content.Length);
        if (total > MaxNonFormBytes)
            throw Invalid($"document '{document.Name}'", "Path",
                $"its files are {total:N0} bytes in all; EnDocs takes at most {MaxNonFormBytes:N0} (20 MB)");
        return WriteAsync(EnDocsRoutes.AddOrUpdateNonFormDoc, "AddOrUpdateNonFormDoc", document.ExtId, id => new NonFormBody
        {
            RequestID = id, Ext_ID = document.ExtId, Name = document.Name, DocDate = Day(document.DocDate), Comment = document.Comment,
            Binaries = document.Files.Select(f => new BinaryBody { FileName = f.FileName, FileBase64 = Convert.ToBase64String(f.Content) }).ToList(),
        }, EnDocsJsonContext.Default.NonFormBody, cancellationToken);
    }

    /// <summary>Approves (or, with <paramref name="approved"/> false, declines) a non-form document.</summary>
    public async Task ApproveDocumentAsync(long nonFormId, bool approved, string? approver, string? comment, CancellationToken cancellationToken = default)
    {
        await WriteAsync(EnDocsRoutes.DocApproval, "DocApproval", null, id => new ApprovalBody
        {
            RequestID = id, NonFormID = nonFormId, Approved = approved, Approver = approver, Comment = comment,
        }, EnDocsJsonContext.Default.ApprovalBody, cancellationToken).ConfigureAwait(false);
    }

    private async Task<EnDocsWriteResult> WriteAsync<TBody>(string path, string operation, string? extId, Func<string, TBody> makeBody,
        JsonTypeInfo<TBody> bodyType, CancellationToken cancellationToken)
    {
        var requestId = Guid.NewGuid().ToString("D");
        // Serialized once: every attempt sends the same bytes with the same RequestID.
        var bytes = JsonSerializer.SerializeToUtf8Bytes(makeBody(requestId), bodyType);
        var request = new ApiRequest(HttpMethod.Post, path) { Content = () => JsonContent(bytes), IdempotencyKey = requestId };
        return await Transport.SendAsync(request, async (response, ct) =>
        {
            var created = response.StatusCode == HttpStatusCode.Created;
            var answer = response.StatusCode == HttpStatusCode.NoContent ? null
                : await RawRequest.ReadJsonAsync(response, ServiceName, ct).ConfigureAwait(false);
            long? id = null;
            if (answer is JsonElement { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty("id", out var idValue))
                id = idValue.ValueKind == JsonValueKind.Number && idValue.TryGetInt64(out var n) ? n
                    : idValue.ValueKind == JsonValueKind.String && long.TryParse(idValue.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : null;
            return new EnDocsWriteResult { Operation = operation, ExtId = extId, Created = created, Id = id, RequestId = requestId };
        }, cancellationToken).ConfigureAwait(false);
    }

    private static ByteArrayContent JsonContent(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
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
