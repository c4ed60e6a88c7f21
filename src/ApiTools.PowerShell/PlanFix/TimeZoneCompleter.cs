using System.Collections;
using System.Globalization;
using System.Management.Automation.Language;

namespace ApiTools.PowerShell.PlanFix;

/// <summary>Connect-PlanFix -TimeZone: the time zones this machine knows, by id, with their offsets.</summary>
public sealed class TimeZoneCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = (wordToComplete ?? "").Trim('\'', '"');
        return TimeZoneInfo.GetSystemTimeZones()
            .Where(z => z.Id.IndexOf(typed, StringComparison.OrdinalIgnoreCase) >= 0)
            .Select(z => new CompletionResult("'" + z.Id + "'", $"{z.Id} ({Offset(z.BaseUtcOffset)})", CompletionResultType.ParameterValue, z.DisplayName));
    }

    private static string Offset(TimeSpan offset) => (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
