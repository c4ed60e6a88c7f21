// Lets netstandard2.0 use records and init-only setters (the compiler only needs the type to exist in the assembly).
namespace System.Runtime.CompilerServices;

internal static class IsExternalInit
{
}
