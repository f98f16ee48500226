using Kompetensbron.Core.Text;

namespace Kompetensbron.Core.Taxonomy;

/// <summary>
/// Forgiving label search over a fixed set of concepts (docs/decisions/0002-taxonomy-search.md).
/// Labels are folded into word tokens; an n-gram index (1- and 2-letter token prefixes, every 3-letter
/// substring of every token) yields candidates that are then verified and scored.
/// </summary>
internal sealed class LabelIndex
{
    private const double ExactToken = 1.0;
    private const double PrefixOfToken = 0.8;
    private const double InsideToken = 0.5;
    private const double WholeLabelBonus = 2.0;
    private const double LabelPrefixBonus = 1.0;
    private const double ExactDiacriticsBonus = 0.1;

    // Shorter query words inside a word are mostly noise ("tig" in "fastighet"), so they match word starts only.
    private const int MinInsideLength = 4;

    private readonly string[] _ids;
    private readonly string[] _labels;
    private readonly string[] _lowerLabels;
    private readonly string[][] _tokens;
    private readonly string[] _keys;
    private readonly Dictionary<long, int[]> _postings;

    public LabelIndex(IReadOnlyList<(string Id, string Label)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var count = entries.Count;
        _ids = new string[count];
        _labels = new string[count];
        _lowerLabels = new string[count];
        _tokens = new string[count][];
        _keys = new string[count];
        var postings = new Dictionary<long, List<int>>();
        for (var i = 0; i < count; i++)
        {
            var (id, label) = entries[i];
            _ids[i] = id;
            _labels[i] = label;
            _lowerLabels[i] = label.ToLowerInvariant();
            var tokens = SearchText.Tokens(label);
            _tokens[i] = tokens;
            _keys[i] = string.Join(' ', tokens);
            foreach (var token in tokens)
            {
                Add(postings, PrefixKey(token, Math.Min(token.Length, 2)), i);
                if (token.Length >= 2)
                {
                    Add(postings, PrefixKey(token, 1), i);
                }

                for (var start = 0; start + 3 <= token.Length; start++)
                {
                    Add(postings, GramKey(token.AsSpan(start, 3)), i);
                }
            }
        }

        _postings = new Dictionary<long, int[]>(postings.Count);
        foreach (var (key, list) in postings)
        {
            _postings[key] = [.. list];
        }
    }

    public IReadOnlyList<(string Id, string Label, double Score)> Search(string? query, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var queryTokens = SearchText.Tokens(query).Distinct(StringComparer.Ordinal).ToArray();
        if (queryTokens.Length == 0 || limit == 0)
        {
            return [];
        }

        // Drive the search from the query token with the fewest candidates; every token must match anyway.
        int[]? driver = null;
        foreach (var token in queryTokens)
        {
            var candidates = Candidates(token);
            if (candidates.Length == 0)
            {
                return [];
            }

            if (driver is null || candidates.Length < driver.Length)
            {
                driver = candidates;
            }
        }

        var queryKey = string.Join(' ', queryTokens);
        var lowerQueryTokens = SearchText.LowerTokens(query);
        var hits = new List<(int Entry, double Score)>();
        foreach (var entry in driver!)
        {
            var score = Score(entry, queryTokens, queryKey, lowerQueryTokens);
            if (score > 0)
            {
                hits.Add((entry, score));
            }
        }

        hits.Sort((a, b) =>
        {
            var byScore = b.Score.CompareTo(a.Score);
            if (byScore != 0)
            {
                return byScore;
            }

            var byLength = _labels[a.Entry].Length.CompareTo(_labels[b.Entry].Length);
            if (byLength != 0)
            {
                return byLength;
            }

            var byLabel = string.CompareOrdinal(_labels[a.Entry], _labels[b.Entry]);
            return byLabel != 0 ? byLabel : string.CompareOrdinal(_ids[a.Entry], _ids[b.Entry]);
        });

        var take = Math.Min(limit, hits.Count);
        var result = new (string, string, double)[take];
        for (var i = 0; i < take; i++)
        {
            var (entry, score) = hits[i];
            result[i] = (_ids[entry], _labels[entry], Math.Round(score, 4));
        }

        return result;
    }

    private int[] Candidates(string token)
    {
        if (token.Length <= 2)
        {
            return _postings.GetValueOrDefault(PrefixKey(token, token.Length)) ?? [];
        }

        // Any entry matching the token contains all its 3-grams; the rarest one is the tightest superset.
        int[]? best = null;
        for (var start = 0; start + 3 <= token.Length; start++)
        {
            var posting = _postings.GetValueOrDefault(GramKey(token.AsSpan(start, 3)));
            if (posting is null)
            {
                return [];
            }

            if (best is null || posting.Length < best.Length)
            {
                best = posting;
            }
        }

        return best!;
    }

    private double Score(int entry, string[] queryTokens, string queryKey, string[] lowerQueryTokens)
    {
        var labelTokens = _tokens[entry];
        var sum = 0.0;
        foreach (var query in queryTokens)
        {
            var best = 0.0;
            foreach (var token in labelTokens)
            {
                if (token.Length == query.Length && string.Equals(token, query, StringComparison.Ordinal))
                {
                    best = ExactToken;
                    break;
                }

                if (token.StartsWith(query, StringComparison.Ordinal))
                {
                    best = Math.Max(best, PrefixOfToken);
                }
                else if (query.Length >= MinInsideLength && best < InsideToken && token.Contains(query, StringComparison.Ordinal))
                {
                    // A part of a compound: "svets" in "gassvetsning".
                    best = InsideToken;
                }
            }

            if (best == 0)
            {
                return 0;
            }

            sum += best;
        }

        var score = sum / queryTokens.Length;
        var key = _keys[entry];
        if (string.Equals(key, queryKey, StringComparison.Ordinal))
        {
            score += WholeLabelBonus;
        }
        else if (key.StartsWith(queryKey, StringComparison.Ordinal))
        {
            score += LabelPrefixBonus;
        }

        var lowerLabel = _lowerLabels[entry];
        var exactDiacritics = true;
        foreach (var lower in lowerQueryTokens)
        {
            exactDiacritics &= lowerLabel.Contains(lower, StringComparison.Ordinal);
        }

        return exactDiacritics ? score + ExactDiacriticsBonus : score;
    }

    private static void Add(Dictionary<long, List<int>> postings, long key, int entry)
    {
        if (!postings.TryGetValue(key, out var list))
        {
            list = [];
            postings[key] = list;
        }

        // Entries are added in order, so a duplicate can only be the last element.
        if (list.Count == 0 || list[^1] != entry)
        {
            list.Add(entry);
        }
    }

    // Keys: bits 48+ tag the kind (1- or 2-letter token prefix, 3-gram anywhere) so kinds never collide.
    private static long PrefixKey(string token, int length) =>
        length == 1 ? (1L << 48) | token[0] : (2L << 48) | ((long)token[0] << 16) | token[1];

    private static long GramKey(ReadOnlySpan<char> gram) =>
        (3L << 48) | ((long)gram[0] << 32) | ((long)gram[1] << 16) | gram[2];
}
