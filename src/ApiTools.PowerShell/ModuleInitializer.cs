using System.IO;
using System.Reflection;

namespace ApiTools.PowerShell;

/// <summary>
/// Windows PowerShell 5.1 has no binding redirects for a module, so a dependency asked for at one
/// version (System.Memory 4.0.1.2, say) fails to bind to the copy we ship at another. This resolves
/// any assembly whose file sits in the module's folder by simple name, whatever version was asked.
/// In PowerShell 7 the runtime's own newer copies win first and this handler is rarely consulted.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly string ModuleFolder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!;

    public void OnImport() => AppDomain.CurrentDomain.AssemblyResolve += Resolve;

    public void OnRemove(PSModuleInfo module) => AppDomain.CurrentDomain.AssemblyResolve -= Resolve;

    private static Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        var name = new AssemblyName(args.Name).Name;
        if (name is null) return null;
        var candidate = Path.Combine(ModuleFolder, name + ".dll");
        return File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
    }
}
