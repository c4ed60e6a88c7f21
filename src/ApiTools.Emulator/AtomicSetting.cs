using System.Runtime.CompilerServices;

namespace ApiTools.Emulator;

/// <summary>
/// One live setting: read on every request, replaced whole by a setter that checks it first. The value sits
/// in an immutable box swapped by reference, so a reader never sees half of a write (a TimeSpan or a double
/// is wider than what the runtime promises to write in one piece) nor a value the check refused.
/// </summary>
internal sealed class AtomicSetting<T>(Func<T, bool>? accepts = null, string rule = "")
{
    private Box _box = new(default!);

    public T Value => Volatile.Read(ref _box).Value;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming <paramref name="name"/> (the property being set) when the check fails.</summary>
    public void Set(T value, [CallerMemberName] string name = "")
    {
        if (accepts is not null && !accepts(value)) throw new ArgumentOutOfRangeException(name, value, rule);
        Volatile.Write(ref _box, new Box(value));
    }

    private sealed record Box(T Value);
}
