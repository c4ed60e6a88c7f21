using System.IO;

namespace ApiTools.PowerShell.EnDocs;

/// <summary>Paths a user gave for upload (wildcards expanded, provider paths resolved) → files on disk.</summary>
internal static class EnDocsFilePaths
{
    /// <summary>The files <paramref name="paths"/> name, in order; each path that names no file is added to <paramref name="missing"/>.</summary>
    public static List<string> Resolve(SessionState state, IEnumerable<string> paths, List<string> missing)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            try
            {
                var resolved = state.Path.GetResolvedProviderPathFromPSPath(path, out _);
                foreach (var file in resolved)
                {
                    if (File.Exists(file)) files.Add(file);
                    else missing.Add(file);
                }
                if (resolved.Count == 0) missing.Add(path);
            }
            catch (ItemNotFoundException)
            {
                missing.Add(path);
            }
        }
        return files;
    }

    /// <summary>The files of one item (its -Path, or a Path column as a;b), checked to exist and to fit EnDocs' 20 MB a
    /// document from their sizes: an invalid item names Path, and nothing is read yet.</summary>
    public static IReadOnlyList<string> ForItem(SessionState state, IEnumerable<string>? paths, string label)
    {
        if (paths is null) return Array.Empty<string>();
        var missing = new List<string>();
        var files = Resolve(state, paths, missing);
        if (missing.Count > 0)
            throw Invalid(label, $"'{string.Join("', '", missing.Select(m => InputFields.Shorten(m, 80)))}' {(missing.Count == 1 ? "is" : "are")} not a file");
        try
        {
            ApiTools.EnDocs.Requests.EnDocsFileContent.CheckSize(label, Array.Empty<ApiTools.EnDocs.Requests.EnDocsFileContent>(), files);
        }
        catch (ApiException tooBig)
        {
            throw Invalid(label, tooBig.Message);
        }
        return files;
    }

    private static ApiValidationException Invalid(string label, string reason) => Invalid(label, new[] { new ApiViolation("Path", reason) });

    /// <summary>The error an item is refused with when <paramref name="violations"/> were found beside its reader.</summary>
    public static ApiValidationException Invalid(string label, IEnumerable<ApiViolation> violations)
    {
        var fields = new InputFields(Array.Empty<KeyValuePair<string, object?>>());
        foreach (var v in violations) fields.AddViolation(v.Subject ?? "", v.Reason);
        try
        {
            fields.Checked(label, ApiTools.EnDocs.EnDocsClient.ServiceName, label);
        }
        catch (ApiValidationException invalid)
        {
            return invalid;
        }
        throw new InvalidOperationException("No violation was given.");
    }
}
