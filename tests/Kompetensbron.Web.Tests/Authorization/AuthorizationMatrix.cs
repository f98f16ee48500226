using System.Text.RegularExpressions;

namespace Kompetensbron.Web.Tests.Authorization;

/// <summary>Who may call an endpoint: answered normally, sent to the login page (401 for the API), or refused (403 or 404).</summary>
public enum Access
{
    Allow,
    Login,
    Deny,
}

/// <summary>One endpoint (method, route pattern and Razor Pages handler) as it appears in the table.</summary>
public sealed record EndpointKey(string Method, string Route, string Handler)
{
    public override string ToString() => Handler.Length == 0 ? $"{Method} {Route}" : $"{Method} {Route} ({Handler})";
}

/// <summary>
/// The authorization table of <c>docs/security.md</c>, the one source of truth: the rows between the
/// <c>authorization-matrix</c> markers, one column per actor.
/// </summary>
public static partial class AuthorizationMatrix
{
    public static readonly string[] Actors =
        ["Anonymous", "Person", "Other account", "Employer A", "Employer B", "Provider", "Coordinator", "Unapproved employer", "Unapproved provider"];

    public static IReadOnlyDictionary<EndpointKey, IReadOnlyDictionary<string, Access>> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "security.md");
        var lines = File.ReadAllLines(path);
        var start = Array.FindIndex(lines, l => l.Contains("<!-- authorization-matrix:start -->", StringComparison.Ordinal));
        var end = Array.FindIndex(lines, l => l.Contains("<!-- authorization-matrix:end -->", StringComparison.Ordinal));
        Assert.True(start >= 0 && end > start, "docs/security.md has no authorization-matrix markers.");

        var rows = lines[(start + 1)..end].Where(l => l.TrimStart().StartsWith('|')).Select(Cells).ToList();
        var header = rows[0];
        Assert.Equal(["Method", "Route", "Handler", .. Actors], header);

        var table = new Dictionary<EndpointKey, IReadOnlyDictionary<string, Access>>();
        foreach (var cells in rows.Skip(2))
        {
            Assert.True(cells.Count == header.Count, $"Row with {cells.Count} cells instead of {header.Count}: {string.Join(" | ", cells)}");
            var key = new EndpointKey(cells[0].ToUpperInvariant(), cells[1].Trim('`'), cells[2]);
            var access = Actors.Select((actor, i) => (actor, Enum.Parse<Access>(cells[3 + i], ignoreCase: true)))
                .ToDictionary(a => a.actor, a => a.Item2);
            Assert.True(table.TryAdd(key, access), $"{key} has two rows.");
        }

        return table;
    }

    private static List<string> Cells(string line) =>
        line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToList();

    /// <summary>The route with each parameter replaced by a sample value (<c>{code:int}</c> → 410).</summary>
    public static string Fill(string route, IReadOnlyDictionary<string, string> samples) =>
        Parameter().Replace(route, m => samples.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"No sample value for the route parameter {m.Value} in {route}."));

    [GeneratedRegex(@"\{\**([A-Za-z]+)[^}]*\}")]
    private static partial Regex Parameter();
}
