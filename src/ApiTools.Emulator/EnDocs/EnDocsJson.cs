using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ApiTools.Emulator.EnDocs;

/// <summary>
/// EnDocs' wire format, written by hand: camelCase with the contract's exact names (<c>ext_ID</c>,
/// <c>amountWOVAT</c>, <c>packageID</c>, <c>diadocID</c>), nulls written out, dates <c>yyyy-MM-ddTHH:mm:ssZ</c>.
/// </summary>
internal static class EnDocsJson
{
    public const string ContentType = "application/json; charset=utf-8";

    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Date(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static byte[] Bytes(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) write(writer);
        return buffer.WrittenSpan.ToArray();
    }

    public static async Task WriteAsync(HttpContext context, int status, byte[]? body)
    {
        context.Response.StatusCode = status;
        if (body is null) return;
        context.Response.ContentType = ContentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    public static Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> write) =>
        WriteAsync(context, status, Bytes(write));

    /// <summary><c>{"error":"…"}</c>, the shape the contract names for errors.</summary>
    public static Task WriteErrorAsync(HttpContext context, int status, string message) =>
        WriteAsync(context, status, ErrorBody(message));

    public static byte[] ErrorBody(string message) => Bytes(w =>
    {
        w.WriteStartObject();
        w.WriteString("error", message);
        w.WriteEndObject();
    });

    public static async Task WritePlainAsync(HttpContext context, int status, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    public static void WriteDocument(Utf8JsonWriter w, SeedEnDocsDocument d, SeedEnDocsContractor? contractor, SeedEnDocsOrganization? organization)
    {
        w.WriteStartObject();
        w.WriteNumber("id", d.Id);
        Number(w, "packageID", d.PackageId);
        w.WriteNumber("docTypeId", d.DocTypeId);
        if (d.Kind is EnDocsDocumentKind.Contract or EnDocsDocumentKind.NonForm) Text(w, "name", d.Name);
        if (d.Kind == EnDocsDocumentKind.Contract)
        {
            Text(w, "type", d.ContractType);
            DateOrNull(w, "validityPeriod", d.ValidityPeriod);
            Text(w, "subject", d.Subject);
        }
        Text(w, "source", d.Source);
        Text(w, "docNumber", d.DocNumber);
        w.WriteString("docDate", Date(d.DocDate));
        Number(w, "amount", d.Amount);
        Number(w, "amountWOVAT", d.AmountWithoutVat);
        Number(w, "amountToPay", d.AmountToPay);
        Number(w, "vat", d.Vat);
        Text(w, "currency", d.Currency);
        Text(w, "operation", d.Operation);
        w.WriteString("state", d.State);
        Bool(w, "signed", d.Signed);
        Bool(w, "paid", d.Paid);
        Text(w, "comment", d.Comment);
        Text(w, "ext_ID", d.ExtId);
        if (contractor is null) w.WriteNull("contractor");
        else
        {
            w.WritePropertyName("contractor");
            WriteContractor(w, contractor);
        }
        if (organization is null) w.WriteNull("organization");
        else
        {
            w.WriteStartObject("organization");
            w.WriteNumber("id", organization.Id);
            w.WriteString("name", organization.Name);
            w.WriteString("inn", organization.Inn);
            w.WriteString("kpp", organization.Kpp);
            Text(w, "ext_ID", organization.ExtId);
            w.WriteEndObject();
        }
        Text(w, "contract", d.Contract);
        Text(w, "project", d.Project);
        Text(w, "employee", d.Employee);
        Text(w, "department", d.Department);
        Text(w, "tablePart", d.TablePart);
        DateOrNull(w, "paymentDate", d.PaymentDate);
        Text(w, "paymentNumber", d.PaymentNumber);
        Text(w, "ediId", d.EdiId);
        Text(w, "ediState", d.EdiState);
        Text(w, "ediProvider", d.EdiProvider);
        w.WriteString("created", Date(d.Created));
        w.WriteString("modified", Date(d.Modified));
        w.WriteEndObject();
    }

    public static void WriteContractor(Utf8JsonWriter w, SeedEnDocsContractor c)
    {
        w.WriteStartObject();
        w.WriteNumber("id", c.Id);
        w.WriteString("name", c.Name);
        Text(w, "fullName", c.FullName);
        Text(w, "inn", c.Inn);
        Text(w, "kpp", c.Kpp);
        Text(w, "ext_ID", c.ExtId);
        Text(w, "diadocID", c.DiadocId);
        Text(w, "type", c.Type);
        Text(w, "address", c.Address);
        Text(w, "lawAddress", c.LawAddress);
        Text(w, "contact", c.Contact);
        Text(w, "phone", c.Phone);
        Text(w, "email", c.Email);
        Text(w, "bank", c.Bank);
        Text(w, "bik", c.Bik);
        Text(w, "bill", c.Bill);
        Text(w, "director", c.Director);
        Text(w, "ogrn", c.Ogrn);
        Text(w, "code", c.Code);
        Text(w, "comment", c.Comment);
        w.WriteEndObject();
    }

    /// <summary>Inferred shape: <c>{id, name, ext_ID, parentExt_ID}</c>.</summary>
    public static void WriteDepartment(Utf8JsonWriter w, SeedEnDocsDepartment d)
    {
        StartDictionaryEntry(w, d.Id, d.Name, d.ExtId);
        Text(w, "parentExt_ID", d.ParentExtId);
        w.WriteEndObject();
    }

    /// <summary>Inferred shape: <c>{id, name, ext_ID, position, email, departmentExt_ID}</c>.</summary>
    public static void WriteEmployee(Utf8JsonWriter w, SeedEnDocsEmployee e)
    {
        StartDictionaryEntry(w, e.Id, e.Name, e.ExtId);
        Text(w, "position", e.Position);
        Text(w, "email", e.Email);
        Text(w, "departmentExt_ID", e.DepartmentExtId);
        w.WriteEndObject();
    }

    /// <summary>The opening of a department or an employee, as the AddOrUpdate answers show them.</summary>
    private static void StartDictionaryEntry(Utf8JsonWriter w, long id, string name, string extId)
    {
        w.WriteStartObject();
        w.WriteNumber("id", id);
        w.WriteString("name", name);
        w.WriteString("ext_ID", extId);
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
