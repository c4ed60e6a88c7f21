using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

namespace ApiTools.Evotor.Models;

public sealed class ProductGroupAttributeChoice
{
    public string? Id { get; set; }
    public string? Name { get; set; }

    public override string ToString() => Name ?? Id ?? "";
}
