namespace ApiTools.Evotor.Models;

/// <summary>Prints as <c>CARD 100.00;CASH 50.00</c>.</summary>
public sealed class DocumentPaymentList : List<DocumentPayment>
{
    public override string ToString() => string.Join(";", this);
}
