using System.Security;

namespace ApiTools.PowerShell.Base;

/// <summary>Lets a SecureString parameter also take a plain string (<c>-Token $env:X</c>, a runbook variable),
/// which PowerShell would otherwise refuse. The string is copied into a SecureString and not kept.</summary>
public sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is not string text) return value;
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }
}
