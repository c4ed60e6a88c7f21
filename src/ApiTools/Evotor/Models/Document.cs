using ApiTools.Evotor.Serialization;
using System.Text.Json.Serialization;

namespace ApiTools.Evotor.Models;

/// <summary>
/// A till document: a sale (SELL), a return (PAYBACK), a session opened or closed, a cash
/// movement, a report… Evotor nests the contents in <c>body</c>; here the parts a person reads
/// (positions, payments, sums) sit on the document itself, so Export-Csv writes them readably.
/// </summary>
public sealed class Document
{
    public string Id { get; set; } = "";

    /// <summary>SELL, PAYBACK, OPEN_SESSION, CLOSE_SESSION, CASH_INCOME, …</summary>
    public string? Type { get; set; }

    public long? Number { get; set; }
    public DateTimeOffset? CloseDate { get; set; }

    /// <summary>Offset from UTC of the terminal that closed the document (Evotor sends milliseconds).</summary>
    [JsonConverter(typeof(MillisecondsConverter))]
    public TimeSpan? TimeZoneOffset { get; set; }

    public string? SessionId { get; set; }
    public long? SessionNumber { get; set; }
    public string? CloseUserId { get; set; }
    public string? DeviceId { get; set; }
    public string? StoreId { get; set; }
    public string? UserId { get; set; }
    public string? Version { get; set; }

    [JsonIgnore] public DocumentPositionList? Positions => Body?.Positions;
    [JsonIgnore] public DocumentPaymentList? Payments => Body?.Payments;
    [JsonIgnore] public decimal? Sum => Body?.Sum;
    [JsonIgnore] public decimal? ResultSum => Body?.ResultSum;

    /// <summary>The wire's <c>body</c>; its unnamed parts (discounts…) stay in its own Extra.</summary>
    [JsonInclude]
    [JsonPropertyName("body")]
    internal DocumentBody? Body { get; set; }

    /// <summary>Fields of the body this model does not name (e.g. doc_discounts).</summary>
    [JsonIgnore] public ExtraFields? BodyExtra => Body?.Extra;

    [JsonExtensionData]
    public ExtraFields? Extra { get; set; }

    public override string ToString() => $"{Type} #{Number} ({Id})";
}

internal sealed class DocumentBody
{
    public DocumentPositionList? Positions { get; set; }
    public DocumentPaymentList? Payments { get; set; }
    public decimal? Sum { get; set; }
    public decimal? ResultSum { get; set; }

    [JsonExtensionData]
    public ExtraFields? Extra { get; set; }
}
