using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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

    /// <summary>Offset from UTC of the terminal that closed the document, in milliseconds.</summary>
    public long? TimeZoneOffset { get; set; }

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

/// <summary>One line of a sale or return.</summary>
public sealed class DocumentPosition
{
    public string? ProductId { get; set; }
    public string? ProductName { get; set; }
    public string? ProductType { get; set; }
    public decimal? Quantity { get; set; }
    public decimal? Price { get; set; }
    public decimal? CostPrice { get; set; }
    public decimal? Sum { get; set; }
    public decimal? ResultSum { get; set; }
    public DocumentTax? Tax { get; set; }

    [JsonExtensionData]
    public ExtraFields? Extra { get; set; }

    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0} x{1} = {2}", ProductName ?? ProductId, Quantity, ResultSum ?? Sum);
}

public sealed class DocumentTax
{
    public string? Type { get; set; }
    public decimal? Sum { get; set; }
    public decimal? ResultSum { get; set; }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} {1}", Type, ResultSum ?? Sum);
}

public sealed class DocumentPayment
{
    public string? Id { get; set; }

    /// <summary>CARD, CASH, …</summary>
    public string? Type { get; set; }

    public decimal? Sum { get; set; }

    [JsonExtensionData]
    public ExtraFields? Extra { get; set; }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} {1}", Type, Sum);
}

/// <summary>Prints as <c>Хлеб x2 = 80.00;Молоко x1 = 95.50</c>.</summary>
public sealed class DocumentPositionList : List<DocumentPosition>
{
    public override string ToString() => string.Join(";", this);
}

/// <summary>Prints as <c>CARD 100.00;CASH 50.00</c>.</summary>
public sealed class DocumentPaymentList : List<DocumentPayment>
{
    public override string ToString() => string.Join(";", this);
}
