using System.Management.Automation;
using System.Reflection;
using ApiTools.PowerShell.Tests.Support;

namespace ApiTools.PowerShell.Tests.Conventions;

/// <summary>What every cmdlet must have, checked over all of them so a new one cannot forget.</summary>
public class CmdletConventionTests
{
    private static readonly string[] MutatingVerbs = { "New", "Set", "Update", "Remove", "Add", "Import", "Approve", "Deny", "Invoke" };

    private static List<CmdletInfo> ExportedCmdlets()
    {
        using var session = new PowerShellSession();
        return session.Run("Get-Command -Module ApiTools -CommandType Cmdlet").Output.Select(o => (CmdletInfo)o.BaseObject).ToList();
    }

    [Fact]
    public void The_manifest_exports_every_cmdlet_in_the_assembly_and_nothing_else()
    {
        var exported = ExportedCmdlets();
        var assembly = exported[0].ImplementingType.Assembly;
        var defined = assembly.GetTypes()
            .Select(t => t.GetCustomAttribute<CmdletAttribute>())
            .Where(a => a is not null)
            .Select(a => $"{a!.VerbName}-{a.NounName}")
            .OrderBy(n => n);
        Assert.Equal(defined, exported.Select(c => c.Name).OrderBy(n => n));
    }

    [Fact]
    public void Every_cmdlet_declares_its_output_type()
    {
        Assert.All(ExportedCmdlets(), c => Assert.True(c.OutputType.Count > 0, $"{c.Name} has no [OutputType]"));
    }

    [Fact]
    public void Every_cmdlet_that_calls_a_service_takes_Connection()
    {
        var callers = ExportedCmdlets().Where(c => !c.Verb.Equals("Connect") && !c.Verb.Equals("Disconnect")).ToList();
        Assert.NotEmpty(callers);
        Assert.All(callers, c => Assert.True(c.Parameters.ContainsKey("Connection"), $"{c.Name} has no -Connection"));
    }

    [Fact]
    public void Mutating_cmdlets_support_WhatIf_and_Confirm()
    {
        var mutators = ExportedCmdlets().Where(c => MutatingVerbs.Contains(c.Verb)).ToList();
        Assert.NotEmpty(mutators);
        Assert.All(mutators, c => Assert.True(c.Parameters.ContainsKey("WhatIf") && c.Parameters.ContainsKey("Confirm"), $"{c.Name} lacks -WhatIf/-Confirm"));
    }

    [Fact]
    public void No_cmdlet_talks_HTTP_itself()
    {
        var assembly = ExportedCmdlets()[0].ImplementingType.Assembly;
        Assert.DoesNotContain(assembly.GetReferencedAssemblies(), a => a.Name == "System.Net.Http");
    }

    [Fact]
    public void The_module_ships_no_System_Management_Automation()
    {
        var folder = Path.GetDirectoryName(PowerShellSession.ModulePath)!;
        Assert.False(File.Exists(Path.Combine(folder, "System.Management.Automation.dll")));
    }
}
