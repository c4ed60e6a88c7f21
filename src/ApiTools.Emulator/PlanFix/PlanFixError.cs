namespace ApiTools.Emulator.PlanFix;

/// <summary>
/// An API error answered as <c>&lt;response status="error"&gt;</c> with HTTP 200. The errors many methods share are
/// made here, so each code keeps one wording.
/// </summary>
internal sealed class PlanFixError(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    /// <summary>0009: a required parameter (<c>task/title</c>) is missing or empty.</summary>
    public static PlanFixError Missing(string what) => new("0009", $"Не указан обязательный параметр {what}");

    /// <summary>0015: a parameter's value is not one PlanFix takes.</summary>
    public static PlanFixError BadValue(string what, object? value) => new("0015", $"Недопустимое значение {what}: {value}");

    public static PlanFixError UserNotFound(long id) => new("0013", $"Пользователь {id} не найден");

    public static PlanFixError ProjectNotFound(long id) => new("2001", $"Проект {id} не найден");

    public static PlanFixError TaskNotFound(long id) => new("3001", $"Задача {id} не найдена");

    public static PlanFixError ContactNotFound(long id) => new("8002", $"Контакт {id} не найден");
}
