using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using ApiTools.EnDocs;
using ApiTools.EnDocs.Models;

namespace ApiTools.Benchmarks.Support;

/// <summary>
/// P8's reference: one EnDocs "everything after id" list read by hand in the same process. One HttpClient,
/// GET with <see cref="HttpCompletionOption.ResponseHeadersRead"/>, and a small streaming reader over the body:
/// a pooled 64 KB buffer refilled from the stream, a <see cref="Utf8JsonReader"/> (not the final block, its
/// state kept across refills) that walks <c>{"key":n,"value":[…]}</c>, and each element, once
/// <see cref="Utf8JsonReader.TrySkip"/> shows it is all in the buffer, deserialised (source-generated, the
/// library's reader options) into a wire DTO and mapped to the library's public <see cref="EnDocsDocument"/>,
/// handed to the consumer synchronously. No JsonDocument, no whole-body buffer, no producer task or hand-off,
/// no retry, no rate limiter.
/// </summary>
public sealed class RawEnDocsLoop : IDisposable
{
    private const int InitialBuffer = 64 * 1024;

    private readonly HttpClient _http;
    private readonly string _base;

    public RawEnDocsLoop(Uri enDocsBaseUri, string token)
    {
        _http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            Timeout = TimeSpan.FromMinutes(10),
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _base = enDocsBaseUri.AbsoluteUri.TrimEnd('/');
    }

    /// <summary>Every invoice with an id above <paramref name="afterId"/>; <paramref name="consume"/> (optional) sees each as soon as it is parsed.</summary>
    public async Task<long> ReadInvoicesAsync(long afterId = 0, Action<EnDocsDocument>? consume = null, CancellationToken cancellationToken = default)
    {
        var url = $"{_base}/Output/GetNewInvoices/{afterId}/{Guid.NewGuid():D}";
        using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);

        var parser = new Parser(consume);
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        try
        {
            var filled = 0;
            long total = 0;
            while (true)
            {
                var read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                var final = read == 0;
                filled += read;
                total += read;
                LastBodyBytes = total;
                var consumed = parser.Parse(buffer.AsSpan(0, filled), final);
                if (parser.Done) return parser.Count;
                if (final) throw new JsonException("The body ended inside the list.");
                filled -= consumed;
                if (consumed > 0) buffer.AsSpan(consumed, filled).CopyTo(buffer);
                else if (filled == buffer.Length)
                {
                    // One element larger than the buffer: a bigger one.
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Bytes of the last body read (up to where its list closed).</summary>
    public long LastBodyBytes { get; private set; }

    public void Dispose() => _http.Dispose();

    private sealed class Parser(Action<EnDocsDocument>? consume)
    {
        private JsonReaderState _state;
        private bool _inArray;

        public bool Done { get; private set; }
        public long Count { get; private set; }

        /// <summary>Parses what the buffer holds; returns the bytes done with (the rest waits for the next read).</summary>
        public int Parse(ReadOnlySpan<byte> data, bool final)
        {
            var reader = new Utf8JsonReader(data, final, _state);
            var committed = reader;
            while (!Done)
            {
                if (!_inArray)
                {
                    if (!reader.Read()) break;
                    if (reader.TokenType == JsonTokenType.StartArray && reader.CurrentDepth == 1) _inArray = true;
                    else if (reader.TokenType == JsonTokenType.PropertyName && !reader.ValueTextEquals("value"))
                    {
                        if (!reader.Read() || !reader.TrySkip()) break; // "key": n, or anything else, skipped whole
                    }
                    else if (reader.TokenType == JsonTokenType.Null) throw new JsonException("\"value\": null (sync off) is not expected here.");
                }
                else
                {
                    if (!reader.Read()) break;
                    if (reader.TokenType == JsonTokenType.EndArray) Done = true;
                    else
                    {
                        var start = reader;
                        if (!reader.TrySkip()) break; // the element is not all here yet
                        var wire = JsonSerializer.Deserialize(ref start, RawEnDocsJsonContext.Default.RawDocumentWire);
                        if (wire is not null)
                        {
                            Count++;
                            consume?.Invoke(wire.ToModel());
                        }
                    }
                }
                committed = reader;
            }
            _state = committed.CurrentState;
            return (int)committed.BytesConsumed;
        }
    }
}

/// <summary>An EnDocs invoice as the wire has it, the fields a hand-written reader would name (nested parties' other fields skipped).</summary>
public sealed class RawDocumentWire
{
    [JsonPropertyName("id")] public long Id { get; set; }
    [JsonPropertyName("packageID")] public string? PackageId { get; set; }
    [JsonPropertyName("docTypeId")] public int? DocTypeId { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("source")] public string? Source { get; set; }
    [JsonPropertyName("docNumber")] public string? DocNumber { get; set; }
    [JsonPropertyName("docDate")] public DateTimeOffset? DocDate { get; set; }
    [JsonPropertyName("amount")] public decimal? Amount { get; set; }
    [JsonPropertyName("amountWOVAT")] public decimal? AmountWoVat { get; set; }
    [JsonPropertyName("amountToPay")] public decimal? AmountToPay { get; set; }
    [JsonPropertyName("vat")] public decimal? Vat { get; set; }
    [JsonPropertyName("currency")] public string? Currency { get; set; }
    [JsonPropertyName("operation")] public string? Operation { get; set; }
    [JsonPropertyName("state")] public string? State { get; set; }
    [JsonPropertyName("signed")] public bool? Signed { get; set; }
    [JsonPropertyName("paid")] public bool? Paid { get; set; }
    [JsonPropertyName("comment")] public string? Comment { get; set; }
    [JsonPropertyName("ext_ID")] public string? ExtId { get; set; }
    [JsonPropertyName("contractor")] public RawPartyWire? Contractor { get; set; }
    [JsonPropertyName("organization")] public RawPartyWire? Organization { get; set; }
    [JsonPropertyName("contract")] public string? Contract { get; set; }
    [JsonPropertyName("project")] public string? Project { get; set; }
    [JsonPropertyName("employee")] public string? Employee { get; set; }
    [JsonPropertyName("department")] public string? Department { get; set; }
    [JsonPropertyName("tablePart")] public string? TablePart { get; set; }
    [JsonPropertyName("createdBy")] public string? CreatedBy { get; set; }
    [JsonPropertyName("modifiedBy")] public string? ModifiedBy { get; set; }
    [JsonPropertyName("paymentDate")] public DateTimeOffset? PaymentDate { get; set; }
    [JsonPropertyName("paymentNumber")] public string? PaymentNumber { get; set; }
    [JsonPropertyName("ediId")] public string? EdiId { get; set; }
    [JsonPropertyName("ediState")] public string? EdiState { get; set; }
    [JsonPropertyName("ediProvider")] public string? EdiProvider { get; set; }
    [JsonPropertyName("created")] public DateTimeOffset? Created { get; set; }
    [JsonPropertyName("modified")] public DateTimeOffset? Modified { get; set; }

    /// <summary>The library's model, filled as the library fills it for an invoice (parties whole, table part as rows).</summary>
    public EnDocsDocument ToModel() => new()
    {
        Id = Id, Type = EnDocsDocumentType.Invoice, DocTypeId = DocTypeId, PackageId = PackageId,
        Source = Source, DocNumber = DocNumber, DocDate = DocDate, Amount = Amount, AmountWithoutVat = AmountWoVat, AmountToPay = AmountToPay, Vat = Vat,
        Currency = Currency, Operation = Operation, State = State, Signed = Signed, Paid = Paid, Comment = Comment, ExtId = ExtId, Name = Name,
        ContractorId = Contractor?.Id, ContractorName = Contractor?.Name, ContractorFullName = Contractor?.FullName, ContractorInn = Contractor?.Inn,
        ContractorKpp = Contractor?.Kpp, ContractorExtId = Contractor?.ExtId,
        OrganizationId = Organization?.Id, OrganizationName = Organization?.Name, OrganizationInn = Organization?.Inn, OrganizationKpp = Organization?.Kpp,
        Contractor = Contractor?.ToModel(), Organization = Organization?.ToModel(), OrganizationExtId = Organization?.ExtId,
        Contract = Contract, Project = Project, Employee = Employee, Department = Department, TablePart = Rows(TablePart), PaymentDate = PaymentDate,
        PaymentNumber = PaymentNumber, EdiId = EdiId, EdiState = EdiState, EdiProvider = EdiProvider, Created = Created, Modified = Modified,
        CreatedBy = CreatedBy, ModifiedBy = ModifiedBy,
    };

    // The table part's JSON text into rows, as a hand-written reader would: its values are strings.
    private static EnDocsTablePart? Rows(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var rows = JsonSerializer.Deserialize(text, RawEnDocsJsonContext.Default.ListDictionaryStringString)!;
        return new EnDocsTablePart(rows.Select(r => new EnDocsTableRow
        {
            Name = r.GetValueOrDefault("Name"), UnitName = r.GetValueOrDefault("UnitName"), Quantity = Number(r, "Quantity"), Price = Number(r, "AmountToPay"),
            AmountWithoutVat = Number(r, "AmountWOVAT"), TaxRate = r.GetValueOrDefault("TaxRate"), Vat = Number(r, "VAT"), Amount = Number(r, "Amount"),
        }));
    }

    private static decimal? Number(Dictionary<string, string> row, string key) =>
        row.TryGetValue(key, out var text) ? decimal.Parse(text.Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture) : null;
}

public sealed class RawPartyWire
{
    [JsonPropertyName("id")] public long? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("fullName")] public string? FullName { get; set; }
    [JsonPropertyName("inn")] public string? Inn { get; set; }
    [JsonPropertyName("kpp")] public string? Kpp { get; set; }
    [JsonPropertyName("ext_ID")] public string? ExtId { get; set; }
    [JsonPropertyName("organizationId")] public long? OrganizationId { get; set; }
    [JsonPropertyName("diadocID")] public string? DiadocId { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("address")] public string? Address { get; set; }
    [JsonPropertyName("lawAddress")] public string? LawAddress { get; set; }
    [JsonPropertyName("contact")] public string? Contact { get; set; }
    [JsonPropertyName("phone")] public string? Phone { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("bank")] public string? Bank { get; set; }
    [JsonPropertyName("bik")] public string? Bik { get; set; }
    [JsonPropertyName("bill")] public string? Bill { get; set; }
    [JsonPropertyName("director")] public string? Director { get; set; }
    [JsonPropertyName("ogrn")] public string? Ogrn { get; set; }
    [JsonPropertyName("manager")] public string? Manager { get; set; }
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("workKind")] public string? WorkKind { get; set; }
    [JsonPropertyName("clientId")] public long? ClientId { get; set; }
    [JsonPropertyName("url")] public string? Url { get; set; }
    [JsonPropertyName("comment")] public string? Comment { get; set; }

    public EnDocsParty ToModel() => new()
    {
        Id = Id, Name = Name, FullName = FullName, Inn = Inn, Kpp = Kpp, ExtId = ExtId, OrganizationId = OrganizationId, DiadocId = DiadocId,
        Type = Type, Address = Address, LawAddress = LawAddress, Contact = Contact, Phone = Phone, Email = Email, Bank = Bank, Bik = Bik, Bill = Bill,
        Director = Director, Ogrn = Ogrn, Manager = Manager, Code = Code, WorkKind = WorkKind, ClientId = ClientId, Url = Url, Comment = Comment,
    };
}

/// <summary>The library's EnDocs reader options (names case-insensitive, numbers also from text), source-generated.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(RawDocumentWire))]
[JsonSerializable(typeof(List<Dictionary<string, string>>))]
public sealed partial class RawEnDocsJsonContext : JsonSerializerContext;
