using System.Globalization;
using System.Text.Json;

namespace ApiTools.Emulator.Evotor;

/// <summary>
/// Server-side checks of written products and groups, as Evotor answers them: every violation is listed
/// (one per field), <c>subject</c> names the field, <c>reason</c> is Russian. Nulls are refused anywhere
/// (the API never takes them), unknown fields are refused, read-only fields are ignored.
/// </summary>
internal static class EvotorValidation
{
    public const string Required = "не должно быть пустым";
    public const string NullValue = "не должно равняться null";
    public const string UnknownField = "неизвестное поле";

    // What the server takes today: the documented values, the marked goods added since, and the VAT rates in force since
    // (20 % from 2019, 22 % from 2026, 5 % and 7 % under the simplified regime from 2025). Anything else is refused, as
    // the server judges values the client passes on.
    public static readonly string[] ProductTypes = ["NORMAL", "ALCOHOL_MARKED", "ALCOHOL_NOT_MARKED", "TOBACCO_MARKED", "SERVICE", "SHOES_MARKED", "MEDICINE_MARKED"];
    public static readonly string[] Taxes =
        ["NO_VAT", "VAT_0", "VAT_10", "VAT_10_110", "VAT_18", "VAT_18_118", "VAT_20", "VAT_20_120", "VAT_22", "VAT_22_122", "VAT_5", "VAT_5_105", "VAT_7", "VAT_7_107"];

    /// <summary>Sent by clients that echo what they read; ignored on every write.</summary>
    public static readonly IReadOnlySet<string> ReadOnly = new HashSet<string>(StringComparer.Ordinal) { "store_id", "user_id", "created_at", "updated_at" };

    private static readonly HashSet<string> ProductFields = new(StringComparer.Ordinal)
    {
        "parent_id", "name", "type", "measure_name", "tax", "allow_to_sell", "price", "cost_price", "quantity", "description",
        "article_number", "code", "barcodes", "alcocodes", "alcohol_by_volume", "alcohol_product_kind_code", "tare_volume", "attributes_choices",
    };

    private static readonly HashSet<string> ProductPatchFields = new(StringComparer.Ordinal) { "quantity", "price", "cost_price" };
    private static readonly HashSet<string> GroupFields = new(StringComparer.Ordinal) { "parent_id", "name", "barcodes", "attributes" };

    /// <summary>
    /// The id a write stores under. <paramref name="pathId"/> set: a body id must equal it. Else
    /// <paramref name="bodyIdRequired"/>: the body's id (a bulk PUT item), or a new one (POST).
    /// Ids must be UUIDs. Returns null (with a violation on <c>id</c>) when there is none to use.
    /// </summary>
    public static string? IdOf(JsonElement body, string? pathId, bool bodyIdRequired, List<Violation> violations)
    {
        JsonElement sent = default;
        var hasId = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("id", out sent);
        if (pathId is not null)
        {
            if (!IsUuid(pathId)) { violations.Add(new("должно быть UUID", "id")); return null; }
            if (hasId && !(sent.ValueKind == JsonValueKind.String && sent.GetString() == pathId))
            {
                violations.Add(new(sent.ValueKind == JsonValueKind.Null ? NullValue : "должно совпадать с идентификатором в пути запроса", "id"));
                return null;
            }
            return pathId;
        }
        if (!bodyIdRequired) return NewId();
        if (!hasId) { violations.Add(new(Required, "id")); return null; }
        if (sent.ValueKind == JsonValueKind.Null) { violations.Add(new(NullValue, "id")); return null; }
        if (sent.ValueKind != JsonValueKind.String || !IsUuid(sent.GetString()!)) { violations.Add(new("должно быть UUID", "id")); return null; }
        return sent.GetString();
    }

    public static string NewId() => Guid.NewGuid().ToString("D");

    public static bool IsUuid(string text) => Guid.TryParseExact(text, "D", out _);

    /// <summary>A product to create or replace (all required fields present); null when there are violations.</summary>
    public static SeedProduct? Product(JsonElement body, string id, SeedProduct? existing, EvotorStoreData store, DateTimeOffset now,
        List<Violation> violations)
    {
        var f = Fields.Read(body, ProductFields, violations, "id");
        if (f is null) return null;
        var name = f.Name(required: true);
        var type = f.OneOf("type", ProductTypes, required: true);
        var measure = f.String("measure_name", 1, 20, required: true);
        var tax = f.OneOf("tax", Taxes, required: true);
        var allow = f.Bool("allow_to_sell", required: true);
        var price = f.Money("price", required: true);
        // Up to 3 decimals: Evotor's own PUT example sends 100.123.
        var costPrice = f.Decimal("cost_price", 0m, 10_000_000m, 3, required: false);
        var quantity = f.Quantity();
        // No length: no reference states one (the 10 MB body cap bounds it).
        var description = f.String("description", 0, int.MaxValue);
        var article = f.String("article_number", 0, 20);
        var code = f.String("code", 0, 10);
        var barcodes = f.Barcodes();
        var alcocodes = f.Strings("alcocodes", a => a.Length != 19 ? "каждый элемент должен состоять из 19 символов" : null);
        var abv = f.Decimal("alcohol_by_volume", 0m, 100.0001m, 3, required: false);
        var kind = f.Int("alcohol_product_kind_code", 0, 999_999);
        var tare = f.Decimal("tare_volume", 0m, 10_000m, 3, required: false);
        var choices = f.StringMap("attributes_choices");
        var parentId = f.ParentId();
        if (parentId is not null && store.FindGroup(parentId) is null) violations.Add(new("группа товаров не найдена", "parent_id"));
        if (f.Refused) return null;

        return new SeedProduct(id, store.StoreId, name!, type!, measure!, tax!, allow!.Value, price!.Value, store.UserId,
            existing?.CreatedAt ?? now, now)
        {
            ParentId = parentId,
            CostPrice = costPrice,
            Quantity = quantity,
            Description = description,
            ArticleNumber = article,
            Code = code,
            Barcodes = barcodes,
            Alcocodes = alcocodes,
            AlcoholByVolume = abv,
            AlcoholProductKindCode = kind,
            TareVolume = tare,
            AttributesChoices = choices,
        };
    }

    /// <summary>PATCH of a product: only quantity, price and cost_price, at least one of them.</summary>
    public static SeedProduct? PatchProduct(JsonElement body, SeedProduct existing, DateTimeOffset now, List<Violation> violations)
    {
        var f = Fields.Read(body, ProductPatchFields, violations, idMatch: existing.Id,
            notAllowed: name => ProductFields.Contains(name) ? "нельзя изменить через PATCH: допустимы quantity, price, cost_price" : UnknownField);
        if (f is null || f.NamesNone("quantity, price, cost_price")) return null;
        var price = f.Money("price", required: false);
        // Up to 3 decimals: Evotor's own PUT example sends 100.123.
        var costPrice = f.Decimal("cost_price", 0m, 10_000_000m, 3, required: false);
        var quantity = f.Quantity();
        if (f.Refused) return null;
        return existing with
        {
            Price = price ?? existing.Price,
            CostPrice = costPrice ?? existing.CostPrice,
            Quantity = quantity ?? existing.Quantity,
            UpdatedAt = now,
        };
    }

    /// <summary>A group to create or replace; attribute and choice ids the client left out are made here.</summary>
    public static SeedProductGroup? Group(JsonElement body, string id, SeedProductGroup? existing, EvotorStoreData store, DateTimeOffset now,
        List<Violation> violations)
    {
        var f = Fields.Read(body, GroupFields, violations, "id");
        if (f is null) return null;
        var name = f.Name(required: true);
        var parentId = f.ParentId();
        var barcodes = f.Barcodes();
        var attributes = f.Attributes("attributes");
        CheckParent(store, id, parentId, violations);
        if (f.Refused) return null;
        return new SeedProductGroup(id, store.StoreId, name!, store.UserId, existing?.CreatedAt ?? now, now)
        {
            ParentId = parentId,
            Barcodes = barcodes,
            Attributes = attributes,
        };
    }

    /// <summary>PATCH of a group: name, parent_id, barcodes, attributes (inferred: the contract only says "as products").</summary>
    public static SeedProductGroup? PatchGroup(JsonElement body, SeedProductGroup existing, EvotorStoreData store, DateTimeOffset now,
        List<Violation> violations)
    {
        var f = Fields.Read(body, GroupFields, violations, idMatch: existing.Id);
        if (f is null || f.NamesNone("name, parent_id, barcodes, attributes")) return null;
        var name = f.Name(required: false);
        var parentId = f.ParentId();
        var barcodes = f.Barcodes();
        var attributes = f.Attributes("attributes");
        CheckParent(store, existing.Id, parentId, violations);
        if (f.Refused) return null;
        return existing with
        {
            Name = name ?? existing.Name,
            ParentId = parentId ?? existing.ParentId,
            Barcodes = barcodes ?? existing.Barcodes,
            Attributes = attributes ?? existing.Attributes,
            UpdatedAt = now,
        };
    }

    private static void CheckParent(EvotorStoreData store, string id, string? parentId, List<Violation> violations)
    {
        if (parentId is null) return;
        if (store.FindGroup(parentId) is null)
        {
            violations.Add(new("группа товаров не найдена", "parent_id"));
            return;
        }
        // The new parent must not be the group itself or one of its descendants.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var at = parentId; at is not null && seen.Add(at); at = store.FindGroup(at)?.ParentId)
        {
            if (at == id)
            {
                violations.Add(new("группа не может быть вложена сама в себя", "parent_id"));
                return;
            }
        }
    }

    /// <summary>A JSON object's fields, read against the fields a write takes; typed getters add violations.</summary>
    private sealed class Fields
    {
        private readonly Dictionary<string, JsonElement> _values = new(StringComparer.Ordinal);
        private readonly List<Violation> _violations;
        private readonly int _before;

        private Fields(List<Violation> violations) => (_violations, _before) = (violations, violations.Count);

        /// <summary>True once reading the body or any of its fields added a violation: the write is refused.</summary>
        public bool Refused => _violations.Count > _before;

        /// <summary>
        /// A PATCH that names none of its <paramref name="fields"/> (and had nothing else wrong) is refused with a
        /// violation on <c>body</c>; true then.
        /// </summary>
        public bool NamesNone(string fields)
        {
            if (_values.Count > 0 || Refused) return false;
            Add($"должно содержать хотя бы одно из полей {fields}", "body");
            return true;
        }

        /// <summary>
        /// Null when the body is not an object. Nulls, unknown and not-allowed fields become violations;
        /// read-only fields and <paramref name="ignored"/> are skipped; <c>id</c> is skipped when it equals
        /// <paramref name="idMatch"/> (PATCH), else refused.
        /// </summary>
        public static Fields? Read(JsonElement body, IReadOnlySet<string> allowed, List<Violation> violations, string? ignored = null,
            string? idMatch = null, Func<string, string>? notAllowed = null)
        {
            if (body.ValueKind != JsonValueKind.Object)
            {
                violations.Add(new("должно быть JSON-объектом", "body"));
                return null;
            }
            var fields = new Fields(violations);
            foreach (var p in body.EnumerateObject())
            {
                if (ContainsNull(p.Value)) violations.Add(new(NullValue, p.Name));
                else if (allowed.Contains(p.Name)) fields._values[p.Name] = p.Value;
                else if (ReadOnly.Contains(p.Name) || p.Name == ignored) continue;
                else if (p.Name == "id" && idMatch is not null)
                {
                    if (!(p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() == idMatch))
                        violations.Add(new("должно совпадать с идентификатором в пути запроса", "id"));
                }
                else violations.Add(new(notAllowed?.Invoke(p.Name) ?? UnknownField, p.Name));
            }
            return fields;
        }

        private static bool ContainsNull(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.Null => true,
            JsonValueKind.Array => value.EnumerateArray().Any(ContainsNull),
            JsonValueKind.Object => value.EnumerateObject().Any(p => ContainsNull(p.Value)),
            _ => false,
        };

        private bool TryGet(string name, bool required, out JsonElement value)
        {
            if (_values.TryGetValue(name, out value)) return true;
            if (required) _violations.Add(new(Required, name));
            return false;
        }

        private void Add(string reason, string name) => _violations.Add(new(reason, name));

        public string? String(string name, int min, int max, bool required = false)
        {
            if (!TryGet(name, required, out var v)) return null;
            if (v.ValueKind != JsonValueKind.String) { Add("должно быть строкой", name); return null; }
            var s = v.GetString()!;
            if (s.Length < min || s.Length > max) { Add($"размер должен находиться в диапазоне от {min} до {max}", name); return null; }
            return s;
        }

        public string? OneOf(string name, string[] allowed, bool required)
        {
            if (!TryGet(name, required, out var v)) return null;
            if (v.ValueKind == JsonValueKind.String && allowed.Contains(v.GetString()!)) return v.GetString();
            Add($"должно быть одним из значений: {string.Join(", ", allowed)}", name);
            return null;
        }

        public bool? Bool(string name, bool required)
        {
            if (!TryGet(name, required, out var v)) return null;
            if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
            Add("должно быть true или false", name);
            return null;
        }

        // The fields products and groups share, with one rule each.
        public string? Name(bool required) => String("name", 1, 128, required);
        public string? ParentId() => String("parent_id", 1, 64);
        public IReadOnlyList<string>? Barcodes() => Strings("barcodes", b => b.Length == 0 ? "элементы не должны быть пустыми" : null);
        public decimal? Quantity() => Decimal("quantity", -9_999_999.999m, 10_000_000m, 3, required: false);

        /// <summary>A price: 0 ≤ value &lt; 10^7, at most 2 decimals.</summary>
        public decimal? Money(string name, bool required) => Decimal(name, 0m, 10_000_000m, 2, required);

        public decimal? Decimal(string name, decimal min, decimal maxExclusive, int decimals, bool required)
        {
            if (!TryGet(name, required, out var v)) return null;
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetDecimal(out var d)) { Add("должно быть числом", name); return null; }
            if (d < min) { Add($"должно быть не меньше {min.ToString(CultureInfo.InvariantCulture)}", name); return null; }
            if (d >= maxExclusive) { Add($"должно быть меньше {maxExclusive.ToString(CultureInfo.InvariantCulture)}", name); return null; }
            if (d != Math.Round(d, decimals)) { Add($"не более {decimals} знаков после запятой", name); return null; }
            return ProductGenerator.Normalize(d);
        }

        public int? Int(string name, int min, int max)
        {
            if (!TryGet(name, false, out var v)) return null;
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var i) || i < min || i > max)
            {
                Add($"должно быть целым числом от {min} до {max}", name);
                return null;
            }
            return i;
        }

        public IReadOnlyList<string>? Strings(string name, Func<string, string?> check)
        {
            if (!TryGet(name, false, out var v)) return null;
            if (v.ValueKind != JsonValueKind.Array || v.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            {
                Add("должно быть массивом строк", name);
                return null;
            }
            var list = v.EnumerateArray().Select(e => e.GetString()!).ToList();
            var problem = list.Select(check).FirstOrDefault(r => r is not null);
            if (problem is not null) { Add(problem, name); return null; }
            return list;
        }

        public IReadOnlyDictionary<string, string>? StringMap(string name)
        {
            if (!TryGet(name, false, out var v)) return null;
            if (v.ValueKind != JsonValueKind.Object || v.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String || p.Name.Length == 0))
            {
                Add("должно быть объектом со строковыми значениями", name);
                return null;
            }
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in v.EnumerateObject()) map[p.Name] = p.Value.GetString()!;
            return map;
        }

        /// <summary><c>[{id?,name,choices:[{id?,name}]}]</c>; every problem is a violation on the field, its path in the reason.</summary>
        public IReadOnlyList<SeedAttribute>? Attributes(string name)
        {
            if (!TryGet(name, false, out var v)) return null;
            if (v.ValueKind != JsonValueKind.Array) { Add("должно быть массивом", name); return null; }
            var before = _violations.Count;
            var attributes = new List<SeedAttribute>();
            var i = 0;
            foreach (var a in v.EnumerateArray())
            {
                var path = $"{name}[{i++}]";
                var attributeName = Named(a, path, ["id", "name", "choices"], out var id);
                var choices = new List<SeedChoice>();
                if (a.ValueKind == JsonValueKind.Object)
                {
                    if (!a.TryGetProperty("choices", out var list)) Add($"{path}.choices: {Required}", name);
                    else if (list.ValueKind != JsonValueKind.Array) Add($"{path}.choices: должно быть массивом", name);
                    else
                    {
                        var j = 0;
                        foreach (var c in list.EnumerateArray())
                        {
                            var choiceName = Named(c, $"{path}.choices[{j++}]", ["id", "name"], out var choiceId);
                            if (choiceName is not null) choices.Add(new SeedChoice(choiceId ?? NewId(), choiceName));
                        }
                    }
                }
                if (attributeName is not null) attributes.Add(new SeedAttribute(id ?? NewId(), attributeName, choices));
            }
            return _violations.Count > before ? null : attributes;

            string? Named(JsonElement item, string path, string[] keys, out string? itemId)
            {
                itemId = null;
                if (item.ValueKind != JsonValueKind.Object) { Add($"{path}: должно быть объектом", name); return null; }
                foreach (var p in item.EnumerateObject())
                    if (!keys.Contains(p.Name)) Add($"{path}.{p.Name}: {UnknownField}", name);
                if (item.TryGetProperty("id", out var idValue))
                {
                    if (idValue.ValueKind == JsonValueKind.String && idValue.GetString()!.Length > 0) itemId = idValue.GetString();
                    else Add($"{path}.id: должно быть непустой строкой", name);
                }
                if (!item.TryGetProperty("name", out var nameValue)) { Add($"{path}.name: {Required}", name); return null; }
                if (nameValue.ValueKind != JsonValueKind.String || nameValue.GetString()!.Length is < 1 or > 128)
                {
                    Add($"{path}.name: размер должен находиться в диапазоне от 1 до 128", name);
                    return null;
                }
                return nameValue.GetString();
            }
        }
    }
}
