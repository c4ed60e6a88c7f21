using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using ApiTools.PowerShell.Tests.Support;

namespace ApiTools.PowerShell.Tests.Conventions;

/// <summary>Error ids come from one catalogue: the service's name, then an ApiErrorKind (an answer's failure) or a
/// CmdletError (the cmdlets' own), so the same failure has the same id in every service.</summary>
public class ErrorIdConventionTests
{
    private static readonly string RepoRoot = FindRepoRoot();

    private static Assembly CmdletAssembly()
    {
        using var session = new PowerShellSession();
        return ((CmdletInfo)session.Run("Get-Command Get-EvotorStore").Output[0].BaseObject).ImplementingType.Assembly;
    }

    [Fact]
    public void No_code_outside_the_catalogue_makes_an_ErrorRecord_or_writes_an_id_by_hand()
    {
        var sources = Directory.GetFiles(Path.Combine(RepoRoot, "src", "ApiTools.PowerShell"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}Errors{Path.DirectorySeparatorChar}"))
            .ToList();
        Assert.NotEmpty(sources);
        var byHand = new Regex(@"new ErrorRecord\(|""(Evotor|PlanFix|EnDocs)\.[A-Z]\w+""");
        var offenders = sources.Where(f => byHand.IsMatch(File.ReadAllText(f))).Select(f => Path.GetRelativePath(RepoRoot, f)).ToList();
        Assert.True(offenders.Count == 0, "Error ids written outside src/ApiTools.PowerShell/Errors: " + string.Join(", ", offenders));
    }

    [Fact]
    public void The_cmdlets_own_errors_never_share_a_name_with_an_answers_kind_and_each_has_a_real_category()
    {
        var assembly = CmdletAssembly();
        var cmdletErrors = assembly.GetType("ApiTools.PowerShell.Errors.CmdletError", throwOnError: true)!;
        var records = assembly.GetType("ApiTools.PowerShell.Errors.ApiErrorRecords", throwOnError: true)!;
        var kinds = Enum.GetNames(assembly.GetReferencedAssemblies().Select(Assembly.Load)
            .Select(a => a.GetType("ApiTools.Errors.ApiErrorKind")).First(t => t is not null)!);
        Assert.Empty(Enum.GetNames(cmdletErrors).Intersect(kinds));

        var category = records.GetMethod("Category", BindingFlags.Public | BindingFlags.Static, new[] { cmdletErrors })!;
        foreach (var error in Enum.GetValues(cmdletErrors))
            Assert.NotEqual(ErrorCategory.NotSpecified, (ErrorCategory)category.Invoke(null, new[] { error })!);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ApiTools.sln"))) return dir.FullName;
        throw new InvalidOperationException("ApiTools.sln not found above the test's folder.");
    }
}
