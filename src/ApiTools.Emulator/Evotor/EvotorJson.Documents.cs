using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ApiTools.Emulator.Evotor;

// Documents as Evotor's reference prints each type (tests/contract/evotor/document-*), with every field the published
// documents carry. What the seed does not keep (uuids of positions, print groups, fiscal numbers…) is worked out from
// the document's own id and numbers, so the same document always reads the same. In the documentation's shapes each
// part of a receipt is wrapped ({"position":{…}}); the service sends them bare.
internal static partial class EvotorJson
{
    public static void WriteDocument(Utf8JsonWriter w, SeedDocument d, EvotorStyle style)
    {
        w.WriteStartObject();
        w.WriteString("type", d.Type);
        w.WriteString("id", d.Id);
        w.WriteStartObject("extras");
        w.WriteEndObject();
        w.WriteNumber("number", d.Number);
        w.WriteString("close_date", Timestamp(d.CloseDate));
        w.WriteNumber("time_zone_offset", d.TimeZoneOffset);
        w.WriteString("session_id", d.SessionId);
        w.WriteNumber("session_number", d.SessionNumber);
        w.WriteString("close_user_id", d.CloseUserId);
        w.WriteString("device_id", d.DeviceId);
        w.WriteString("store_id", d.StoreId);
        w.WriteString("user_id", d.UserId);
        w.WriteString("version", d.Version);
        // When the cloud took the document in (real answers carry it): a moment after the terminal closed it.
        w.WriteString("created_at", Timestamp(d.CloseDate.AddMilliseconds(1500)));
        w.WriteStartObject("body");
        WriteBody(w, d, style);
        w.WriteEndObject();
        if (style.UnknownFields) w.WriteString("external_code", d.ExternalCode);
        w.WriteEndObject();
    }

    private static void WriteBody(Utf8JsonWriter w, SeedDocument d, EvotorStyle style)
    {
        var body = d.Body;
        switch (d.Type)
        {
            case "SELL" or "PAYBACK" or "BUY" or "BUYBACK" when body is not null:
                WriteReceipt(w, d, body, style);
                return;
            case "ACCEPT" or "RETURN" or "WRITE_OFF" or "OPEN_TARE" when body is not null:
                WriteParts(w, "positions", "position", body.Positions, style, (w, p, i) => WriteStockPosition(w, d, p, i, style, withCost: d.Type != "OPEN_TARE"));
                if (d.Type != "OPEN_TARE") w.WriteNumber("sum", body.Sum);
                if (d.Type is "ACCEPT" or "RETURN") w.WriteString("supplier_id", DerivedId(d.Id, "supplier"));
                return;
            case "INVENTORY" when body is not null:
                w.WriteBoolean("complete_inventory", d.Number % 2 == 0);
                WriteParts(w, "positions", "position", body.Positions, style, (w, p, i) => WriteInventoryPosition(w, d, p, i, style));
                return;
            case "REVALUATION" when body is not null:
                WriteBase(w, d);
                WriteParts(w, "positions", "position", body.Positions, style, (w, p, i) => WriteRevaluationPosition(w, d, p, i, style));
                return;
            case "CASH_INCOME" or "CASH_OUTCOME":
                WriteCash(w, d, body?.Sum ?? 0m);
                return;
            case "CLOSE_SESSION":
                w.WriteNumber("revenue", Money(d, 1));
                w.WriteNumber("total", Money(d, 2));
                return;
            case "POS_OPEN_SESSION":
                WriteFiscalNumbers(w, d);
                return;
            case "X_REPORT":
                w.WriteNumber("cash", Money(d, 3));
                WriteFiscalNumbers(w, d);
                w.WriteNumber("proceeds", Money(d, 4));
                w.WriteNumber("total", Money(d, 5));
                return;
            case "Z_REPORT":
                WriteZReport(w, d);
                return;
            default:
                return; // OPEN_SESSION: an empty body, as the reference shows it
        }
    }

    private static void WriteReceipt(Utf8JsonWriter w, SeedDocument d, SeedDocumentBody body, EvotorStyle style)
    {
        var printGroup = DerivedId(d.SessionId, "print-group");
        WriteParts(w, "positions", "position", body.Positions, style, (w, p, i) => WriteReceiptPosition(w, d, p, i, printGroup, style));
        WriteParts(w, "payments", "payment", body.Payments, style, (w, p, _) => WritePayment(w, p, printGroup));
        // A discount on every fifth sale or return and on every purchase, none on the others (an empty list, as real answers send).
        WriteParts(w, "doc_discounts", "doc_discount", d.Number % 5 == 0 || d.Type is "BUY" or "BUYBACK" ? [body.Sum] : Array.Empty<decimal>(), style, static (w, _, _) =>
        {
            w.WriteString("discount_type", "SUM");
            w.WriteNumber("discount_sum", 0m);
            w.WriteNumber("discount_percent", 0m);
            w.WriteString("coupon", "");
        });
        WriteParts(w, "print_groups", "print_group", [printGroup], style, static (w, id, _) =>
        {
            w.WriteString("id", id);
            w.WriteString("type", "CASH_RECEIPT");
            w.WriteString("org_name", "ООО «Эмулятор»");
            w.WriteString("org_inn", "7700000000");
            w.WriteString("org_address", "г. Москва, ул. Тестовая, д. 1");
            w.WriteString("taxation_system", "COMMON");
        });
        WriteParts(w, "pos_print_results", "pos_print_result", [d], style, (w, doc, _) =>
        {
            w.WriteString("print_group_id", printGroup);
            w.WriteNumber("receipt_number", doc.Number);
            w.WriteNumber("document_number", doc.Number + 100);
            w.WriteNumber("session_number", doc.SessionNumber);
            w.WriteNumber("check_sum", body.ResultSum);
            var local = doc.CloseDate.ToOffset(TimeSpan.FromMilliseconds(doc.TimeZoneOffset));
            w.WriteString("receipt_date", local.ToString("ddMMyyyy", CultureInfo.InvariantCulture));
            w.WriteString("receipt_time", local.ToString("HHmm", CultureInfo.InvariantCulture));
            WriteFiscalIds(w, doc);
            w.WriteNumber("fiscal_document_number", doc.Number + 100);
        });
        w.WriteNumber("sum", body.Sum);
        w.WriteNumber("result_sum", body.ResultSum);
        if (d.Number % 3 == 0 || d.Type is "BUY" or "BUYBACK")
        {
            w.WriteString("customer_email", $"buyer{d.Number}@example.ru");
            w.WriteNumber("customer_phone", 79_000_000_000L + d.Number);
        }
        if (d.Type is "PAYBACK" or "BUYBACK") WriteBase(w, d);
    }

    private static void WriteReceiptPosition(Utf8JsonWriter w, SeedDocument d, SeedPosition p, int i, string printGroup, EvotorStyle style)
    {
        w.WriteStartObject("agent_requisites");
        WriteArray(w, "counterparty_indexes", [0], static (w, n) => w.WriteNumberValue(n));
        w.WriteString("operation_description", "Продажа от своего имени");
        w.WriteEndObject();
        w.WriteString("product_id", p.ProductId);
        if (p.ParentId is not null) w.WriteString("parent_id", p.ParentId);
        if (p.Choices is { Count: > 0 } choices)
        {
            // The documentation prints PAYBACK, BUY and BUYBACK with one choice as an object; the rest as a list.
            if (style.Documentation && d.Type is "PAYBACK" or "BUY" or "BUYBACK")
            {
                w.WritePropertyName("attributes_choices");
                WriteChoice(w, choices[0]);
            }
            else
            {
                WriteArray(w, "attributes_choices", choices, WriteChoice);
            }
        }
        WriteQuantities(w, p);
        w.WriteString("product_type", p.ProductType);
        WriteAlcohol(w);
        w.WriteStartObject("settlement_method");
        w.WriteNumber("amount", p.ResultSum);
        w.WriteString("type", "CHECKOUT_FULL");
        w.WriteEndObject();
        if (p.Code is not null) w.WriteString("code", p.Code);
        w.WriteString("product_name", p.ProductName);
        w.WriteString("measure_name", p.MeasureName);
        w.WriteNumber("measure_precision", p.MeasureName is "кг" or "л" or "м" ? 3 : 0);
        w.WriteNumber("id", PositionNumber(d, i));
        w.WriteString("uuid", DerivedId(d.Id, "position " + i));
        w.WriteNumber("price", p.Price);
        w.WriteNumber("cost_price", p.CostPrice);
        w.WriteNumber("result_price", p.Price);
        w.WriteNumber("sum", p.Sum);
        w.WriteNumber("result_sum", p.ResultSum);
        w.WriteStartObject("tax");
        w.WriteString("type", p.Tax.Type);
        w.WriteNumber("sum", p.Tax.Sum);
        w.WriteNumber("result_sum", p.Tax.ResultSum);
        w.WriteEndObject();
        w.WriteStartObject("doc_distributed_discount");
        WriteNoDiscount(w);
        w.WriteEndObject();
        w.WriteStartObject("position_discount");
        WriteNoDiscount(w);
        w.WriteNumber("discount_price", 0m);
        w.WriteEndObject();
        WriteExtraKeys(w, d, i, style);
        w.WriteString("print_group_id", printGroup);
        WriteParts(w, "splitted_positions", "splitted_position", [p], style, static (w, p, _) =>
        {
            w.WriteNumber("quantity", p.Quantity);
            w.WriteNumber("result_price", p.Price);
            w.WriteNumber("result_sum", p.ResultSum);
            w.WriteNumber("position_discount", 0m);
            w.WriteNumber("doc_distributed_discount", 0m);
            w.WriteString("tax_type", p.Tax.Type);
            w.WriteNumber("result_tax_sum", p.Tax.ResultSum);
        });
        // A set (its parts as sub-positions) on the first line of every fourth receipt; otherwise none.
        WriteArray(w, "sub_positions", (d.Number % 4 == 0 || d.Type is not ("SELL" or "PAYBACK")) && i == 0 ? [p] : Array.Empty<SeedPosition>(), (w, part) =>
        {
            w.WriteStartObject();
            w.WriteNumber("id", PositionNumber(d, i) + 1);
            w.WriteString("uuid", DerivedId(d.Id, "sub-position " + i));
            w.WriteString("product_id", part.ProductId);
            w.WriteString("product_name", part.ProductName);
            w.WriteString("product_type", part.ProductType);
            w.WriteString("measure_name", part.MeasureName);
            WriteQuantities(w, part);
            w.WriteNumber("price", part.Price);
            w.WriteNumber("cost_price", part.CostPrice);
            w.WriteNumber("result_price", part.Price);
            w.WriteNumber("sum", part.Sum);
            w.WriteNumber("result_sum", part.ResultSum);
            WriteAlcohol(w);
            w.WriteEndObject();
        });
    }

    private static void WriteChoice(Utf8JsonWriter w, (string AttributeId, string AttributeName, string ChoiceId, string ChoiceName) c)
    {
        w.WriteStartObject();
        w.WriteString("attribute_id", c.AttributeId);
        w.WriteString("attribute_name", c.AttributeName);
        w.WriteString("choice_id", c.ChoiceId);
        w.WriteString("choice_value", c.ChoiceName);
        w.WriteEndObject();
    }

    private static void WritePayment(Utf8JsonWriter w, SeedPayment p, string printGroup)
    {
        w.WriteString("id", p.Id);
        w.WriteString("type", p.Type);
        w.WriteNumber("sum", p.Sum);
        WriteArray(w, "parts", [p], (w, part) =>
        {
            w.WriteStartObject();
            w.WriteString("print_group_id", printGroup);
            w.WriteNumber("part_sum", part.Sum);
            w.WriteNumber("change", 0m);
            w.WriteEndObject();
        });
        if (p.Type != "ELECTRON") return;
        // A card payment names the payment application, as documented, and the acquirer, as real answers do.
        w.WriteStartObject("app_payment");
        w.WriteString("app_id", "ru.evotor.bank");
        w.WriteString("name", "Банковская карта");
        w.WriteEndObject();
        w.WriteStartObject("merchant_info");
        w.WriteString("number", "000000000001");
        w.WriteString("english_name", "EMULATOR SHOP");
        w.WriteString("category_code", "5411");
        w.WriteEndObject();
        w.WriteStartObject("bank_info");
        w.WriteString("name", "Сбербанк");
        w.WriteEndObject();
        w.WriteStartObject("app_info");
        w.WriteString("name", "Банковская карта");
        w.WriteEndObject();
    }

    private static void WriteStockPosition(Utf8JsonWriter w, SeedDocument d, SeedPosition p, int i, EvotorStyle style, bool withCost)
    {
        WriteAlcohol(w);
        if (p.Code is not null) w.WriteString("code", p.Code);
        if (withCost) w.WriteNumber("cost_price", p.CostPrice);
        WriteExtraKeys(w, d, i, style);
        w.WriteNumber("id", PositionNumber(d, i));
        WriteQuantities(w, p);
        w.WriteString("measure_name", p.MeasureName);
        w.WriteNumber("price", p.Price);
        w.WriteString("product_id", p.ProductId);
        w.WriteString("product_name", p.ProductName);
        w.WriteString("product_type", p.ProductType);
        w.WriteNumber("sum", p.Sum);
        w.WriteString("uuid", DerivedId(d.Id, "position " + i));
    }

    private static void WriteInventoryPosition(Utf8JsonWriter w, SeedDocument d, SeedPosition p, int i, EvotorStyle style)
    {
        w.WriteString("code", p.Code ?? (i + 1).ToString(CultureInfo.InvariantCulture));
        WriteExtraKeys(w, d, i, style);
        w.WriteNumber("id", PositionNumber(d, i));
        WriteQuantities(w, p);
        w.WriteString("product_id", p.ProductId);
        w.WriteString("uuid", DerivedId(d.Id, "position " + i));
        WriteArray(w, "sub_positions", Array.Empty<SeedPosition>(), static (_, _) => { });
    }

    private static void WriteRevaluationPosition(Utf8JsonWriter w, SeedDocument d, SeedPosition p, int i, EvotorStyle style)
    {
        w.WriteString("code", p.Code ?? (i + 1).ToString(CultureInfo.InvariantCulture));
        WriteExtraKeys(w, d, i, style);
        // A revaluation's price is the change: before, after and the accepted price.
        w.WriteStartObject("price");
        w.WriteNumber("before", p.Price);
        w.WriteNumber("after", p.Price + 1m);
        w.WriteNumber("accept", p.CostPrice);
        w.WriteEndObject();
        w.WriteString("product_id", p.ProductId);
        w.WriteString("uuid", DerivedId(d.Id, "position " + i));
    }

    private static void WriteCash(Utf8JsonWriter w, SeedDocument d, decimal sum)
    {
        w.WriteNumber("document_number", d.Number + 100);
        WriteFiscalIds(w, d);
        w.WriteNumber("fiscal_document_number", d.Number + 100);
        // A number, as the reference prints it here (ddMMyyyy); receipts' print results carry it as text.
        w.WriteNumber("receipt_date", ReceiptDate(d));
        w.WriteNumber("receipt_number", d.Number);
        w.WriteNumber("session_number", d.SessionNumber);
        w.WriteNumber("sum", sum);
        w.WriteNumber("result_sum", sum);
        if (d.Type == "CASH_INCOME")
        {
            w.WriteString("contributor", "Старший кассир");
            w.WriteString("description", "Размен");
            return;
        }
        w.WriteString("description", "Сдача выручки");
        w.WriteNumber("payment_category_id", 1);
        w.WriteString("payment_category_name", "Инкассация");
        w.WriteString("receiver", "Инкассатор");
    }

    private static void WriteZReport(Utf8JsonWriter w, SeedDocument d)
    {
        w.WriteNumber("cash", Money(d, 3));
        w.WriteNumber("cash_in_quantity", d.Number % 3);
        w.WriteNumber("cash_in_sum", Money(d, 6));
        w.WriteNumber("cash_out_quantity", d.Number % 2);
        w.WriteNumber("cash_out_sum", Money(d, 7));
        w.WriteNumber("collection", Money(d, 8));
        WriteFiscalNumbers(w, d);
        WriteFiscalIds(w, d);
        w.WriteNumber("fiscal_document_number", d.Number + 100);
        w.WriteNumber("nonzero_sum_purchases", 0m);
        w.WriteNumber("nonzero_sum_sales", Money(d, 1));
        w.WriteNumber("proceeds", Money(d, 4));
        foreach (var part in new[] { "purchases", "purchases_back", "sales", "sales_back" })
        {
            w.WriteStartObject(part);
            w.WriteNumber("reversal", 0);
            WriteArray(w, "sections", [1], (w, section) =>
            {
                w.WriteStartObject();
                w.WriteNumber("number", section);
                w.WriteString("name", "ТАРОЙ");
                w.WriteNumber("value", part == "sales" ? Money(d, 1) : 0m);
                w.WriteEndObject();
            });
            // "summ", as Evotor spells it.
            w.WriteNumber("summ", part == "sales" ? Money(d, 1) : 0m);
            w.WriteEndObject();
        }
        foreach (var part in new[] { "quantity_purchases", "quantity_sales" })
        {
            w.WriteStartObject(part);
            w.WriteNumber("back", 0);
            w.WriteNumber("quantity", part == "quantity_sales" ? d.Number % 50 : 0);
            w.WriteNumber("reversal", 0);
            w.WriteNumber("reversal_back", 0);
            w.WriteEndObject();
        }
        w.WriteNumber("receipt_date", ReceiptDate(d));
        w.WriteNumber("revenue", Money(d, 1));
        w.WriteNumber("session_purchases_results", 0m);
        w.WriteNumber("session_sales_results", Money(d, 1));
        w.WriteNumber("total", Money(d, 5));
    }

    /// <summary>receipt_number, document_number and session_number of the terminal's fiscal memory.</summary>
    private static void WriteFiscalNumbers(Utf8JsonWriter w, SeedDocument d)
    {
        w.WriteNumber("receipt_number", d.Number);
        w.WriteNumber("document_number", d.Number + 100);
        w.WriteNumber("session_number", d.SessionNumber);
    }

    /// <summary>The fiscal drive's and cash register's numbers, made from the terminal's id.</summary>
    private static void WriteFiscalIds(Utf8JsonWriter w, SeedDocument d)
    {
        var digits = Digits(d.DeviceId);
        w.WriteString("fn_serial_number", "99990789" + digits[..8]);
        w.WriteString("kkt_serial_number", "00307" + digits[..9]);
        w.WriteString("kkt_reg_number", "000" + digits[..13]);
        w.WriteString("fiscal_sign_doc_number", digits[..10]);
    }

    private static void WriteBase(Utf8JsonWriter w, SeedDocument d)
    {
        w.WriteString("base_document_id", DerivedId(d.Id, "base"));
        w.WriteNumber("base_document_number", Math.Max(1, d.Number - 1));
    }

    private static void WriteQuantities(Utf8JsonWriter w, SeedPosition p)
    {
        w.WriteNumber("quantity", p.Quantity);
        w.WriteNumber("initial_quantity", p.Quantity);
    }

    /// <summary>Alcohol fields: zero for goods that are not alcohol, as real answers send them.</summary>
    private static void WriteAlcohol(Utf8JsonWriter w)
    {
        w.WriteNumber("alcohol_by_volume", 0);
        w.WriteNumber("alcohol_product_kind_code", 0);
        w.WriteNumber("tare_volume", 0);
    }

    private static void WriteNoDiscount(Utf8JsonWriter w)
    {
        w.WriteString("discount_type", "SUM");
        w.WriteNumber("discount_sum", 0m);
        w.WriteNumber("discount_percent", 0m);
    }

    /// <summary>An application's key on every other line; none (an empty list) on the rest.</summary>
    private static void WriteExtraKeys(Utf8JsonWriter w, SeedDocument d, int i, EvotorStyle style) =>
        WriteParts(w, "extra_keys", "extra_key", i % 2 == 0 ? [i] : Array.Empty<int>(), style, (w, n, _) =>
        {
            w.WriteString("identity", DerivedId(d.Id, "extra key " + n));
            w.WriteString("app_id", "ru.emulator.loyalty");
            w.WriteString("description", "Бонусная карта");
        });

    /// <summary>
    /// A list of receipt parts: bare objects as the service sends them, or each wrapped in an object named
    /// <paramref name="wrapper"/> as the documentation prints it. <paramref name="writeMembers"/> writes one part's members.
    /// </summary>
    private static void WriteParts<T>(Utf8JsonWriter w, string name, string wrapper, IReadOnlyList<T> items, EvotorStyle style,
        Action<Utf8JsonWriter, T, int> writeMembers)
    {
        w.WriteStartArray(name);
        for (var i = 0; i < items.Count; i++)
        {
            w.WriteStartObject();
            if (style.Documentation) w.WriteStartObject(wrapper);
            writeMembers(w, items[i], i);
            if (style.Documentation) w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static int PositionNumber(SeedDocument d, int i) => d.Number * 100 + i * 2;

    /// <summary>ddMMyyyy in the terminal's time, as a number (cash documents and Z reports print it so).</summary>
    private static long ReceiptDate(SeedDocument d) =>
        long.Parse(d.CloseDate.ToOffset(TimeSpan.FromMilliseconds(d.TimeZoneOffset)).ToString("ddMMyyyy", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>An amount made from the document's number, the same every time.</summary>
    private static decimal Money(SeedDocument d, int salt) => (d.Number * 7919L + salt * 104_729L) % 1_000_000 / 100m;

    /// <summary>A UUID made from <paramref name="of"/> and <paramref name="what"/> (the same every time).</summary>
    private static string DerivedId(string of, string what)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(of + "\n" + what));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    private static string Digits(string id)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(id));
        var digits = new StringBuilder(32);
        foreach (var b in hash) digits.Append((char)('0' + b % 10));
        return digits.ToString();
    }
}
