using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

namespace ApiTools.Evotor.Models;

/// <summary>A product group (folder) of one store; groups may nest through <see cref="ParentId"/>.</summary>
public sealed class ProductGroup
{
    public string Id { get; set; } = "";
    public string? StoreId { get; set; }
    public string? ParentId { get; set; }
    public string? Name { get; set; }
    public StringList? Barcodes { get; set; }
    public ProductGroupAttributeList? Attributes { get; set; }
    public string? UserId { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    [JsonExtensionData]
    public ExtraFields? Extra { get; set; }

    public override string ToString() => Name is null ? Id : $"{Name} ({Id})";
}

/// <summary>An attribute products of a group choose from (size, colour…).</summary>
public sealed class ProductGroupAttribute
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public List<ProductGroupAttributeChoice>? Choices { get; set; }

    public override string ToString() =>
        $"{Name}({string.Join("|", (Choices ?? new List<ProductGroupAttributeChoice>()).Select(c => c.Name))})";
}

public sealed class ProductGroupAttributeChoice
{
    public string? Id { get; set; }
    public string? Name { get; set; }

    public override string ToString() => Name ?? Id ?? "";
}

/// <summary>Prints as <c>Size(S|M|L);Colour(Red|Blue)</c>.</summary>
public sealed class ProductGroupAttributeList : List<ProductGroupAttribute>
{
    public override string ToString() => string.Join(";", this);
}
