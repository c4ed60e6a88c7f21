using System.Globalization;
using System.Text;
using System.Text.Json;
using ApiTools.Emulator.Infrastructure;

namespace ApiTools.Emulator.EnDocs;

/// <summary>
/// EnDocs' wire format, written by hand: camelCase with the contract's exact names (<c>ext_ID</c>,
/// <c>amountWOVAT</c>, <c>packageID</c>, <c>diadocID</c>), nulls written out, dates <c>yyyy-MM-ddTHH:mm:ssZ</c>.
/// </summary>
internal static class EnDocsJson
{
    public const string ContentType = "application/json; charset=utf-8";

    public static string Date(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static byte[] Bytes(Action<Utf8JsonWriter> write) => Answer.Json(write).ToArray();

    public static Task WriteAsync(HttpContext context, int status, byte[]? body)
    {
        if (body is not null) return Answer.WriteAsync(context, status, ContentType, body);
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    public static Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> write) =>
        WriteAsync(context, status, Bytes(write));

    /// <summary>
    /// An error or a plain answer as EnDocs' backend writes one: a bare string, sent as a JSON string literal when the
    /// client accepts JSON (<c>"No token received ( #err-30)"</c>) and as text/plain otherwise. No <c>{"error":…}</c>
    /// body appears in any published example.
    /// </summary>
    public static async Task WriteTextAsync(HttpContext context, int status, string text)
    {
        var json = context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Value is "application/json" or "text/json");
        var bytes = json ? Answer.Json(w => w.WriteStringValue(text)) : Encoding.UTF8.GetBytes(text);
        await Answer.WriteAsync(context, status, json ? ContentType : "text/plain; charset=utf-8", bytes);
    }

    /// <summary>ASP.NET's answer to a route value that does not bind (a non-integer id): 400 ProblemDetails.</summary>
    public static Task WriteProblemAsync(HttpContext context, string name, string value)
    {
        var body = Answer.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "https://tools.ietf.org/html/rfc7231#section-6.5.1");
            w.WriteString("title", "One or more validation errors occurred.");
            w.WriteNumber("status", 400);
            w.WriteStartObject("errors");
            w.WriteStartArray(name);
            w.WriteStringValue($"The value '{value}' is not valid.");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        });
        return Answer.WriteAsync(context, 400, "application/problem+json; charset=utf-8", body);
    }

    /// <summary>A write's answer: its text as <see cref="WriteTextAsync"/> writes it, else its JSON body, with its Location.</summary>
    public static Task WriteAsync(HttpContext context, WriteAnswer answer)
    {
        if (answer.Location is not null) context.Response.Headers.Location = answer.Location;
        return answer.Text is not null ? WriteTextAsync(context, answer.Status, answer.Text) : WriteAsync(context, answer.Status, answer.Body);
    }

    /// <summary>
    /// A document as its list shows it, with the fields the backend's list of that kind has (and the help pages show),
    /// in their order; the contractor and organization as full entities.
    /// </summary>
    public static void WriteDocument(Utf8JsonWriter w, SeedEnDocsDocument d, SeedEnDocsContractor? contractor, SeedEnDocsOrganization? organization,
        SeedEnDocsFile? firstFile = null)
    {
        w.WriteStartObject();
        w.WriteNumber("id", d.Id);
        switch (d.Kind)
        {
            case EnDocsDocumentKind.Contract:
                Text(w, "docNumber", d.DocNumber);
                w.WriteString("docDate", Date(d.DocDate));
                Party(w, "contractor", contractor);
                Organization(w, organization);
                w.WriteString("modified", Date(d.Modified));
                w.WriteString("modifiedBy", d.ModifiedBy);
                w.WriteString("created", Date(d.Created));
                Text(w, "type", d.ContractType);
                Text(w, "name", d.Name);
                Number(w, "amount", d.Amount);
                Number(w, "amountWOVAT", d.AmountWithoutVat);
                Number(w, "vat", d.Vat);
                Text(w, "currency", d.Currency);
                Text(w, "comment", d.Comment);
                Text(w, "subject", d.Subject);
                DateOrNull(w, "validityPeriod", d.ValidityPeriod);
                w.WriteString("state", d.State);
                break;
            case EnDocsDocumentKind.NonForm:
                // One row of GetNonFormDoc: the file record with the fields recognised in it (none here).
                Text(w, "fileName", firstFile?.FileName);
                if (firstFile is null) w.WriteNull("fileSize");
                else w.WriteNumber("fileSize", firstFile.Content.Length);
                w.WriteString("created", Date(d.Created));
                w.WriteString("modified", Date(d.Modified));
                Text(w, "sender", d.Sender);
                Organization(w, organization);
                w.WriteNull("fileBase64");
                w.WriteNumber("nonFormDocId", d.Id);
                Text(w, "docNumber", d.DocNumber);
                w.WriteString("docDate", Date(d.DocDate));
                Number(w, "amount", d.Amount);
                Number(w, "amountWOVAT", d.AmountWithoutVat);
                Number(w, "vat", d.Vat);
                Text(w, "currency", d.Currency);
                w.WriteNumber("docTypeId", d.DocTypeId);
                w.WriteString("docTypeName", "Необработанные");
                Text(w, "comment", d.Comment);
                w.WriteString("state", d.State);
                break;
            default:
                Text(w, "packageID", d.PackageId);
                w.WriteNumber("docTypeId", d.DocTypeId);
                Text(w, "source", d.Source);
                Text(w, "docNumber", d.DocNumber);
                w.WriteString("docDate", Date(d.DocDate));
                Number(w, "vat", d.Vat);
                Number(w, "amountToPay", d.AmountToPay);
                Number(w, "amountWOVAT", d.AmountWithoutVat);
                Number(w, "amount", d.Amount);
                if (d.Kind == EnDocsDocumentKind.Input)
                {
                    DateOrNull(w, "docDateInvoice", d.DocDateInvoice);
                    DateOrNull(w, "docDateTaxInvoice", d.DocDateTaxInvoice);
                    Text(w, "docNumTaxInvoice", d.DocNumTaxInvoice);
                    Text(w, "docNumInvoice", d.DocNumInvoice);
                }
                Text(w, "currency", d.Currency);
                Text(w, "operation", d.Operation);
                Text(w, "contract", d.Contract);
                w.WriteString("state", d.State);
                Text(w, "employee", d.Employee);
                Text(w, "department", d.Department);
                Party(w, "contractor", contractor);
                Organization(w, organization);
                Text(w, "comment", d.Comment);
                Bool(w, "signed", d.Signed);
                Bool(w, "paid", d.Paid);
                Text(w, "project", d.Project);
                Text(w, "tablePart", d.TablePart);
                DateOrNull(w, "paymentDate", d.PaymentDate);
                Text(w, "paymentNumber", d.PaymentNumber);
                Text(w, "ediId", d.EdiId);
                Text(w, "ediState", d.EdiState);
                Text(w, "ediProvider", d.EdiProvider);
                Text(w, "ext_ID", d.ExtId);
                w.WriteString("created", Date(d.Created));
                w.WriteString("modified", Date(d.Modified));
                break;
        }
        w.WriteEndObject();
    }

    private static void Party(Utf8JsonWriter w, string name, SeedEnDocsContractor? contractor)
    {
        if (contractor is null) w.WriteNull(name);
        else
        {
            w.WritePropertyName(name);
            WriteContractor(w, contractor);
        }
    }

    /// <summary>A contractor entity, every field in the order the help pages show it.</summary>
    public static void WriteContractor(Utf8JsonWriter w, SeedEnDocsContractor c)
    {
        w.WriteStartObject();
        w.WriteNumber("id", c.Id);
        w.WriteString("name", c.Name);
        Text(w, "inn", c.Inn);
        Text(w, "kpp", c.Kpp);
        Text(w, "ext_ID", c.ExtId);
        w.WriteNumber("organizationId", c.OrganizationId);
        w.WriteNull("organization");
        Text(w, "diadocID", c.DiadocId);
        Text(w, "type", c.Type);
        Text(w, "address", c.Address);
        Text(w, "contact", c.Contact);
        Text(w, "phone", c.Phone);
        Text(w, "fullName", c.FullName);
        Text(w, "lawAddress", c.LawAddress);
        Text(w, "bill", c.Bill);
        Text(w, "bank", c.Bank);
        Text(w, "bik", c.Bik);
        Text(w, "email", c.Email);
        Text(w, "director", c.Director);
        Text(w, "ogrn", c.Ogrn);
        Text(w, "manager", c.Manager);
        Text(w, "code", c.Code);
        Text(w, "workKind", c.WorkKind);
        w.WriteNumber("clientId", 1);
        w.WriteNull("client");
        Text(w, "url", c.Url);
        Text(w, "comment", c.Comment);
        w.WriteEndObject();
    }

    /// <summary>An organization entity in the order the help pages show it (they are cut off after <c>bank</c>; the
    /// rest follows the contractor's fields).</summary>
    private static void Organization(Utf8JsonWriter w, SeedEnDocsOrganization? o)
    {
        if (o is null)
        {
            w.WriteNull("organization");
            return;
        }
        w.WriteStartObject("organization");
        w.WriteNumber("id", o.Id);
        w.WriteString("name", o.Name);
        Text(w, "inn", o.Inn);
        Text(w, "kpp", o.Kpp);
        Text(w, "ext_ID", o.ExtId);
        w.WriteNumber("clientId", 1);
        w.WriteNull("client");
        Text(w, "fullName", o.FullName);
        Text(w, "lawAddress", o.LawAddress);
        Text(w, "address", o.Address);
        Text(w, "bill", o.Bill);
        Text(w, "bank", o.Bank);
        Text(w, "bik", o.Bik);
        Text(w, "email", o.Email);
        Text(w, "director", o.Director);
        Text(w, "ogrn", o.Ogrn);
        w.WriteEndObject();
    }

    /// <summary>
    /// The answer to a created document or contract (the backend's ExtendedMetadataDTO / ExtendedContractDTO): the record's
    /// fields, the organization and contractor as small objects with only id and name filled, request-only fields null.
    /// </summary>
    public static void WriteCreated(Utf8JsonWriter w, SeedEnDocsDocument d, string? docTypeName, SeedEnDocsOrganization? organization, SeedEnDocsContractor? contractor)
    {
        w.WriteStartObject();
        w.WriteNumber("id", d.Id);
        if (d.Kind == EnDocsDocumentKind.Contract)
        {
            Text(w, "type", d.ContractType);
            Text(w, "name", d.Name);
        }
        else
        {
            Text(w, "packageID", d.PackageId);
            w.WriteNull("cardData");
            Text(w, "tablePart", d.TablePart);
            Text(w, "source", d.Source);
        }
        Text(w, "docNumber", d.DocNumber);
        w.WriteString("docDate", Date(d.DocDate));
        if (d.Kind == EnDocsDocumentKind.Contract) DateOrNull(w, "validityPeriod", d.ValidityPeriod);
        Number(w, "amount", d.Amount);
        Number(w, "amountWOVAT", d.AmountWithoutVat);
        if (d.Kind != EnDocsDocumentKind.Contract) Number(w, "amountToPay", d.AmountToPay);
        Number(w, "vat", d.Vat);
        Text(w, "currency", d.Currency);
        w.WriteNull(d.Kind == EnDocsDocumentKind.Contract ? "contractID" : "metaID");
        w.WriteNull("nonFormID");
        w.WriteString("created", Date(d.Created));
        w.WriteString("createdBy", d.CreatedBy);
        w.WriteString("modified", Date(d.Modified));
        w.WriteString("modifiedBy", d.ModifiedBy);
        w.WriteNull("requestID");
        w.WriteBoolean("fileExists", false);
        w.WriteNumber("version1CExchange", 0);
        Text(w, "ext_ID", d.ExtId);
        w.WriteNumber("docTypeId", d.DocTypeId);
        Text(w, "docType", docTypeName);
        Text(w, "comment", d.Comment);
        w.WriteString("state", d.State);
        if (d.Kind == EnDocsDocumentKind.Contract) Text(w, "subject", d.Subject);
        else
        {
            Bool(w, "signed", d.Signed);
            Bool(w, "paid", d.Paid);
            Text(w, "operation", d.Operation);
            Text(w, "notifyUser", d.NotifyUser);
            DateOrNull(w, "paymentDate", d.PaymentDate);
            Text(w, "paymentNumber", d.PaymentNumber);
            Text(w, "docNumInvoice", d.DocNumInvoice);
            DateOrNull(w, "docDateInvoice", d.DocDateInvoice);
            Text(w, "docNumTaxInvoice", d.DocNumTaxInvoice);
            DateOrNull(w, "docDateTaxInvoice", d.DocDateTaxInvoice);
            DateOrNull(w, "periodFrom", d.PeriodFrom);
            DateOrNull(w, "periodTo", d.PeriodTo);
            Text(w, "reciever", d.Reciever);
            Text(w, "address", d.Address);
            Text(w, "delivery", d.Delivery);
            Text(w, "contact", d.Contact);
            Text(w, "contract", d.Contract);
        }
        Small(w, "organization", organization?.Id, organization?.Name);
        Small(w, "contractor", contractor?.Id, contractor?.Name);
        w.WriteNumber("clientId", 1);
        w.WriteNull("binaries");
        w.WriteBoolean("deleted", false);
        Text(w, "ediId", d.EdiId);
        Text(w, "ediState", d.EdiState);
        Text(w, "ediProvider", d.EdiProvider);
        w.WriteEndObject();
    }

    /// <summary>The answer to an uploaded non-form document (the backend's NonFormDocsDTO).</summary>
    public static void WriteNonFormCreated(Utf8JsonWriter w, SeedEnDocsDocument d, SeedEnDocsOrganization? organization)
    {
        w.WriteStartObject();
        w.WriteNull("docTypeId");
        w.WriteNull("docType");
        w.WriteNumber("id", d.Id);
        w.WriteNull("requestID");
        Number(w, "organizationId", d.OrganizationId);
        Text(w, "organizationName", organization?.Name);
        w.WriteString("modified", Date(d.Modified));
        w.WriteString("created", Date(d.Created));
        w.WriteNumber("clientId", 1);
        w.WriteBoolean("deleted", false);
        Text(w, "sender", d.Sender);
        w.WriteBoolean("declined", false);
        w.WriteNull("declinedBy");
        Text(w, "comment", d.Comment);
        w.WriteBoolean("fileExists", false);
        w.WriteNull("fileName");
        w.WriteNull("fileSize");
        Small(w, "organization", organization?.Id, organization?.Name);
        w.WriteNull("binaries");
        w.WriteNull("docDate");
        Number(w, "amount", d.Amount);
        w.WriteEndObject();
    }

    // A party in a write's answer: only id and name are filled.
    private static void Small(Utf8JsonWriter w, string name, long? id, string? partyName)
    {
        if (id is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        w.WriteNumber("id", id.Value);
        Text(w, "name", partyName);
        w.WriteNull("inn");
        w.WriteNull("kpp");
        w.WriteNull("ext_ID");
        w.WriteEndObject();
    }

    /// <summary>A user in the help page's shape (25 keys).</summary>
    public static void WriteUser(Utf8JsonWriter w, SeedEnDocsUser u)
    {
        w.WriteStartObject();
        w.WriteString("id", u.Id);
        w.WriteString("email", u.Email);
        w.WriteString("userName", u.Email);
        w.WriteString("displayName", u.DisplayName);
        w.WriteNull("password");
        w.WriteNull("confirm");
        w.WriteNull("roles");
        w.WriteBoolean("blocked", u.Blocked);
        w.WriteBoolean("clientAdmin", u.ClientAdmin);
        w.WriteBoolean("enDocsAdmin", false);
        w.WriteBoolean("demo", false);
        w.WriteBoolean("hr", u.Hr);
        w.WriteString("position", u.Position);
        Text(w, "phone", u.Phone);
        w.WriteNull("extPhone");
        w.WriteNumber("clientId", 1);
        w.WriteNull("clientName");
        w.WriteNull("noEmails");
        w.WriteNull("client");
        DateOrNull(w, "lastLogin", u.LastLogin);
        w.WriteNull("lastLoginMobile");
        w.WriteNull("osType");
        w.WriteStartObject("buttonDTO");
        w.WriteNumber("id", 0);
        w.WriteNumber("clientId", 0);
        w.WriteNumber("organizationId", 0);
        w.WriteString("userId", u.Id);
        w.WriteString("itemId", u.Id);
        w.WriteEndObject();
        w.WriteBoolean("enableOffice", false);
        w.WriteNull("pushToken");
        w.WriteEndObject();
    }

    /// <summary>The account as the backend's client object carries it: every field present, the token never filled.</summary>
    public static void WriteAccount(Utf8JsonWriter w, SeedEnDocsAccount a, int usersUsed, DateTimeOffset created)
    {
        w.WriteStartObject();
        w.WriteNumber("id", a.Id);
        w.WriteString("name", a.Name);
        w.WriteNull("token");
        w.WriteString("tokenExpires", "0001-01-01T00:00:00Z");
        w.WriteNull("billTo");
        w.WriteString("inn", a.Inn);
        w.WriteString("kpp", a.Kpp);
        w.WriteNull("bik");
        w.WriteString("legalName", a.Name);
        w.WriteString("email", a.Email);
        w.WriteBoolean("blocked", a.Blocked);
        w.WriteNull("blockDate");
        w.WriteNumber("tariffId", a.TariffId);
        w.WriteNull("unicPerms");
        w.WriteString("created", Date(created));
        w.WriteNull("phone");
        w.WriteNull("lastLogin");
        w.WriteNumber("usersQuota", a.UsersQuota);
        w.WriteNumber("usersUsed", usersUsed);
        w.WriteNumber("storageQuota", a.StorageQuotaGb);
        w.WriteNumber("storageUsed", a.StorageUsedMb);
        w.WriteNull("ocrQuota");
        w.WriteNull("ocrUsed");
        w.WriteEndObject();
    }

    /// <summary>A department as an AddOrUpdate answer shows it (inferred: <c>{id, name, fullName, ext_ID, code, manager, organizationId}</c>).</summary>
    public static void WriteDepartment(Utf8JsonWriter w, SeedEnDocsDepartment d)
    {
        w.WriteStartObject();
        w.WriteNumber("id", d.Id);
        w.WriteString("name", d.Name);
        Text(w, "fullName", d.FullName);
        w.WriteString("ext_ID", d.ExtId);
        Text(w, "code", d.Code);
        Text(w, "manager", d.Manager);
        Number(w, "organizationId", d.OrganizationId);
        w.WriteEndObject();
    }

    /// <summary>An employee as an AddOrUpdate answer shows it (inferred from the request's fields).</summary>
    public static void WriteEmployee(Utf8JsonWriter w, SeedEnDocsEmployee e)
    {
        w.WriteStartObject();
        w.WriteNumber("id", e.Id);
        Text(w, "ext_ID", e.ExtId);
        w.WriteString("lastName", e.LastName);
        w.WriteString("firstName", e.FirstName);
        w.WriteString("middleName", e.MiddleName);
        Text(w, "email", e.Email);
        Text(w, "mobilePhone", e.MobilePhone);
        DateOrNull(w, "birthdate", e.BirthDate);
        Text(w, "position", e.Position);
        Number(w, "organizationId", e.OrganizationId);
        w.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static void Number(Utf8JsonWriter w, string name, long? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteNumber(name, value.Value);
    }

    private static void Number(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteNumber(name, value.Value);
    }

    private static void Bool(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteBoolean(name, value.Value);
    }

    private static void DateOrNull(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, Date(value.Value));
    }
}
