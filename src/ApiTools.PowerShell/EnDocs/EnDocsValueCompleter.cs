using System.Collections;
using System.Globalization;
using System.Management.Automation.Language;

namespace ApiTools.PowerShell.EnDocs;

/// <summary>
/// Tab completion for EnDocs' open value sets, by parameter name: document types (completed as their id, the name
/// shown), sources, contract types, states and currencies. Not ValidateSets: EnDocs adds values, and any other value goes
/// to the server, which judges. Values with spaces are completed quoted.
/// </summary>
public sealed class EnDocsValueCompleter : IArgumentCompleter
{
    private static readonly Dictionary<string, string[]> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Source"] = new[] { "Входящий", "Исходящий", "Внутренний", "Incoming", "Outgoing", "Internal" },
        ["Type"] = new[] { "С поставщиком", "С покупателем" },
        ["State"] = new[]
        {
            "Новый", "В процессе", "На согласовании", "Согласовано", "Ознакомлено", "Подписано", "Исполнено", "Отклонено", "Прервано",
            "Проведено в 1С", "Выгружено в Диадок", "Архив", "Оплачено",
        },
        ["Currency"] = new[] { "RUB", "USD", "EUR", "JPY", "GBP" },
    };

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var word = (wordToComplete ?? "").Trim('\'', '"');
        if (string.Equals(parameterName, "DocTypeId", StringComparison.OrdinalIgnoreCase))
            return EnDocsDocumentTypes.Known
                .Where(kv => kv.Key.ToString(CultureInfo.InvariantCulture).StartsWith(word, StringComparison.Ordinal)
                             || kv.Value.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Select(kv => new CompletionResult(kv.Key.ToString(CultureInfo.InvariantCulture), $"{kv.Key} {kv.Value}",
                    CompletionResultType.ParameterValue, kv.Value));
        if (!Known.TryGetValue(parameterName, out var values)) return Array.Empty<CompletionResult>();
        return values.Where(v => v.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .Select(v => new CompletionResult(v.Contains(' ') ? $"'{v}'" : v, v, CompletionResultType.ParameterValue, v));
    }
}
