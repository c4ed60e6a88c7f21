using ApiTools.Emulator.PlanFix;

namespace ApiTools.Emulator;

// Writes to contacts, projects, handbook records and files: each replaces its array under the lock, so readers
// holding an older snapshot are never disturbed.
public sealed partial class PlanFixSeed
{
    /// <summary>Adds a contact made by <paramref name="make"/> from its new id, userid and general.</summary>
    internal SeedPlanFixContact AddContact(Func<long, long, long, SeedPlanFixContact> make)
    {
        lock (_gate)
        {
            var n = _contacts.Length;
            var contact = make(_contacts.Length == 0 ? 30001 : _contacts.Max(c => c.Id) + 2, 50001 + 3L * n + 100_000, _contacts.Length == 0 ? 701 : _contacts.Max(c => c.General) + 1);
            _contacts = [.. _contacts, contact];
            return contact;
        }
    }

    /// <summary>Replaces a contact under the lock; null when it does not exist.</summary>
    internal SeedPlanFixContact? UpdateContact(long id, Func<SeedPlanFixContact, SeedPlanFixContact> change) =>
        Replace(ref _contacts, c => c.Id == id, change);

    internal SeedPlanFixProject AddProject(Func<long, SeedPlanFixProject> make)
    {
        lock (_gate)
        {
            var project = make(_projects.Length == 0 ? 5001 : _projects.Max(p => p.Id) + 2);
            _projects = [.. _projects, project];
            return project;
        }
    }

    internal SeedPlanFixProject? UpdateProject(long id, Func<SeedPlanFixProject, SeedPlanFixProject> change) =>
        Replace(ref _projects, p => p.Id == id, change);

    /// <summary>Replaces the item <paramref name="match"/> finds with its change in a new array, under the lock; null when
    /// there is none.</summary>
    private T? Replace<T>(ref T[] items, Predicate<T> match, Func<T, T> change) where T : class
    {
        lock (_gate)
        {
            var i = Array.FindIndex(items, match);
            if (i < 0) return null;
            var copy = (T[])items.Clone();
            copy[i] = change(copy[i]);
            items = copy;
            return copy[i];
        }
    }

    /// <summary>Adds a record made from its new key to a handbook.</summary>
    internal SeedPlanFixRecord AddRecord(long handbookId, Func<long, SeedPlanFixRecord> make)
    {
        lock (_gate)
        {
            var key = _records.Where(r => r.HandbookId == handbookId).Select(r => r.Key).DefaultIfEmpty(0).Max() + 1;
            var record = make(key);
            _records = [.. _records, record];
            return record;
        }
    }

    internal SeedPlanFixRecord? UpdateRecord(long handbookId, long key, Func<SeedPlanFixRecord, SeedPlanFixRecord> change)
    {
        lock (_gate)
        {
            var i = _records.FindIndex(r => r.HandbookId == handbookId && r.Key == key);
            if (i < 0) return null;
            var copy = _records.ToList();
            copy[i] = change(copy[i]);
            _records = copy;
            return copy[i];
        }
    }

    /// <summary>Adds a file to a task: a new file, or (<paramref name="newVersion"/>) a new version of the task's file of that
    /// name. The existing file when the name is taken and no new version was asked for (error 9006).</summary>
    internal (SeedPlanFixFile? Added, SeedPlanFixFile? Taken) AddFile(long taskId, string name, string description, byte[] content, long userId, bool newVersion)
    {
        lock (_gate)
        {
            var same = _files.Where(f => f.TaskId == taskId && string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)).OrderBy(f => f.Version).LastOrDefault();
            if (same is not null && !newVersion) return (null, same);
            var uniqueId = _files.Count == 0 ? PlanFixGenerator.UniqueIdBase : _files.Max(f => f.UniqueId) + 1;
            var id = same?.Id ?? (_files.Count == 0 ? PlanFixGenerator.FileIdBase : _files.Max(f => f.Id) + 1);
            var file = new SeedPlanFixFile(id, uniqueId, name, (same?.Version ?? 0) + 1, description, _generator.Local(_time.GetUtcNow()), taskId, userId, content);
            _files = [.. _files, file];
            return (file, null);
        }
    }
}
