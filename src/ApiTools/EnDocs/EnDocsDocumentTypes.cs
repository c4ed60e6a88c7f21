namespace ApiTools.EnDocs;

/// <summary>EnDocs' document types (DocTypeId) as its backend seeds them. The set is open: another id goes to the server,
/// which judges.</summary>
public static class EnDocsDocumentTypes
{
    public static IReadOnlyDictionary<int, string> Known { get; } = new SortedDictionary<int, string>
    {
        [1] = "Поступление", [2] = "Реализация", [4] = "Договор", [5] = "Счет-фактура исходящий", [6] = "Счет исходящий", [7] = "Банк",
        [8] = "Авансовый отчет", [9] = "Отчет", [10] = "Акт сверки", [11] = "Входящая корреспонденция", [12] = "Исходящая корреспонденция",
        [13] = "Прочее", [14] = "Счет входящий", [15] = "Счет-фактура входящий", [16] = "Необработанные", [19] = "Служебная записка",
    };

    /// <summary>The id of a known type's name (any case), or null.</summary>
    public static int? IdOf(string name) =>
        Known.FirstOrDefault(kv => string.Equals(kv.Value, name.Trim(), StringComparison.OrdinalIgnoreCase)) is { Value: not null } hit ? hit.Key : null;
}
