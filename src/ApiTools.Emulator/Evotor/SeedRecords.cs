namespace ApiTools.Emulator;

// The seeded Evotor objects as the emulator serves them: one property per wire field (snake_case on
// the wire, PascalCase here), optional fields null when the wire omits them. ExternalCode is the extra
// field sent as "external_code" when EmulatorOptions.UnknownFields is on.

/// <summary>A smart terminal (GET /devices).</summary>
public sealed record SeedDevice(
    string Id,
    string Name,
    string StoreId,
    long TimezoneOffset,
    string UserId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public string? Imei { get; init; }
    public string? FirmwareVersion { get; init; }
    public SeedLocation? Location { get; init; }
    public string ExternalCode { get; init; } = "";
}

/// <summary>A device's <c>location</c>.</summary>
public sealed record SeedLocation(decimal Lng, decimal Lat);

/// <summary>An employee (GET /employees); <see cref="Stores"/> holds store ids.</summary>
public sealed record SeedEmployee(
    string Id,
    string Name,
    string LastName,
    string PatronymicName,
    string Phone,
    IReadOnlyList<string> Stores,
    string Role,
    string UserId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public string ExternalCode { get; init; } = "";
}

/// <summary>A product group of a store.</summary>
public sealed record SeedProductGroup(
    string Id,
    string StoreId,
    string Name,
    string UserId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public string? ParentId { get; init; }
    public IReadOnlyList<string>? Barcodes { get; init; }
    public IReadOnlyList<SeedAttribute>? Attributes { get; init; }
    public string ExternalCode { get; init; } = "";
}

/// <summary>A group attribute (<c>{id,name,choices}</c>).</summary>
public sealed record SeedAttribute(string Id, string Name, IReadOnlyList<SeedChoice> Choices);

/// <summary>A choice of a group attribute.</summary>
public sealed record SeedChoice(string Id, string Name);

/// <summary>A product of a store. Generated from its index on demand: two reads give equal values, not the same instance.</summary>
public sealed record SeedProduct(
    string Id,
    string StoreId,
    string Name,
    string Type,
    string MeasureName,
    string Tax,
    bool AllowToSell,
    decimal Price,
    string UserId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public string? ParentId { get; init; }
    public decimal? CostPrice { get; init; }
    public decimal? Quantity { get; init; }
    public string? Description { get; init; }
    public string? ArticleNumber { get; init; }
    public string? Code { get; init; }
    public IReadOnlyList<string>? Barcodes { get; init; }
    public IReadOnlyList<string>? Alcocodes { get; init; }
    public decimal? AlcoholByVolume { get; init; }
    public int? AlcoholProductKindCode { get; init; }
    public decimal? TareVolume { get; init; }
    /// <summary>Attribute id → choice id (attributes of the parent group).</summary>
    public IReadOnlyDictionary<string, string>? AttributesChoices { get; init; }

    /// <summary>A field real answers carry that the contract does not name (mostly "", as real products have it).</summary>
    public string? ClassificationCode { get; init; }
    public string ExternalCode { get; init; } = "";
}

/// <summary>A fiscal document of a store. <see cref="Body"/> holds the positions and payments of receipts and of stock
/// documents (acceptance, inventory, write-off…) and the sum of cash documents; session and report documents have none
/// (their body fields are worked out from the document when written).</summary>
public sealed record SeedDocument(
    string Type,
    string Id,
    int Number,
    DateTimeOffset CloseDate,
    long TimeZoneOffset,
    string SessionId,
    int SessionNumber,
    string CloseUserId,
    string DeviceId,
    string StoreId,
    string UserId,
    string Version,
    SeedDocumentBody? Body)
{
    public string ExternalCode { get; init; } = "";
}

/// <summary>
/// A document body: positions and payments (receipts; stock documents use the positions only), sum and result_sum
/// (cash documents: only the sum; their lists are empty here).
/// </summary>
public sealed record SeedDocumentBody(
    IReadOnlyList<SeedPosition> Positions,
    IReadOnlyList<SeedPayment> Payments,
    decimal Sum,
    decimal ResultSum);

/// <summary>A receipt line: sum = round(quantity × price, 2); no discounts, so result_sum = sum.</summary>
public sealed record SeedPosition(
    string ProductId,
    string ProductName,
    string ProductType,
    decimal Quantity,
    decimal Price,
    decimal CostPrice,
    decimal Sum,
    decimal ResultSum,
    SeedTax Tax)
{
    /// <summary>The product's unit, code and group, as the product had them when the document was made.</summary>
    public string? MeasureName { get; init; }
    public string? Code { get; init; }
    public string? ParentId { get; init; }

    /// <summary>The product's chosen attributes: attribute id, name, choice id, choice name.</summary>
    public IReadOnlyList<(string AttributeId, string AttributeName, string ChoiceId, string ChoiceName)>? Choices { get; init; }
}

/// <summary>A position's tax (<c>{type,sum,result_sum}</c>).</summary>
public sealed record SeedTax(string Type, decimal Sum, decimal ResultSum);

/// <summary>A receipt payment (<c>{id,type,sum}</c>); type CASH or ELECTRON (a card), as Evotor names them.</summary>
public sealed record SeedPayment(string Id, string Type, decimal Sum);

/// <summary>A bulk task; <see cref="Details"/> is non-null only when COMPLETED or FAILED.</summary>
public sealed record SeedBulkTask(
    string Id,
    DateTimeOffset ModifiedAt,
    string Status,
    string Type,
    IReadOnlyList<SeedBulkDetail>? Details)
{
    public string ExternalCode { get; init; } = "";
}

/// <summary>One item of a bulk task's details: exactly one of the three is set.</summary>
public sealed record SeedBulkDetail
{
    public SeedProduct? Product { get; init; }
    public SeedProductGroup? ProductGroup { get; init; }
    public SeedBulkError? Error { get; init; }
}

/// <summary>A failed bulk item: <c>{code,message,product_id,violations}</c>.</summary>
public sealed record SeedBulkError(string Code, string Message, string ProductId, IReadOnlyList<SeedViolation> Violations);

/// <summary>One violation of a bulk error (<c>{reason,subject}</c>).</summary>
public sealed record SeedViolation(string Reason, string Subject);

/// <summary>
/// A product image (POST /stores/{sid}/products/{pid}/images). <see cref="Name"/> is the uploaded file
/// name exactly as sent, hostile or not (clients must sanitise it before saving).
/// </summary>
public sealed record SeedProductImage(
    string Id,
    string ProductId,
    string StoreId,
    string Name,
    int Width,
    int Height,
    DateTimeOffset CreatedAt,
    ReadOnlyMemory<byte> Content)
{
    /// <summary>Bytes of the PNG file.</summary>
    public long Size => Content.Length;
}
