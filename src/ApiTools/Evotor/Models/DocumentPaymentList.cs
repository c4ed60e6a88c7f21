using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Serialization;

namespace ApiTools.Evotor.Models;

/// <summary>Prints as <c>CARD 100.00;CASH 50.00</c>.</summary>
public sealed class DocumentPaymentList : List<DocumentPayment>
{
    public override string ToString() => string.Join(";", this);
}
