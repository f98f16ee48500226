namespace Kompetensbron.Core.Text;

/// <summary>
/// A trie of stemmed label variants over a fixed list of concepts, and the scan that finds them in a text.
/// Immutable after construction, so one instance serves all threads.
/// </summary>
internal sealed class PhraseIndex
{
    private const int MinSingleWordLength = 4;
    private const int MinSingleWordStem = 4;

    // Compound words of the text may start with a long one-word label: "egenkontrollprogram", "pulverlackeringslinje".
    private const int MinCompoundPrefix = 8;
    private const int MinCompoundRest = 3;

    private readonly Node _root = new();
    private readonly Dictionary<string, List<Entry>> _longWords = new(StringComparer.Ordinal);
    private readonly bool _derivational;

    /// <param name="derivational">
    /// Stem with the derivational step (skills: "svetsning" = "svetsar"), or plain Snowball (occupation names,
    /// so that "packning" does not name a "Packare").
    /// </param>
    public PhraseIndex(bool derivational = true) => _derivational = derivational;

    private string Stem(string word) => SwedishStemmer.Stem(word, _derivational);

    /// <summary>Indexes a label variant of concept <paramref name="concept"/>.</summary>
    public void Add(int concept, LabelVariant variant) => Add(concept, variant.Surface, variant.Kind, variant.Requires);

    /// <summary>Indexes <paramref name="surface"/> as a way to write concept <paramref name="concept"/>.</summary>
    public void Add(int concept, string surface, VariantKind kind, string? requires = null)
    {
        _requires = requires is null ? null : [.. SearchText.Tokens(requires).Select(Stem)];
        var tokens = SearchText.Tokens(surface);
        var words = tokens.Where(t => !RecognitionLexicon.GlueWords.Contains(t)).ToArray();
        if (words.Length == 0)
        {
            return;
        }

        if (words.Length == 1)
        {
            AddSingle(concept, surface, words[0], kind);
            return;
        }

        AddPath(words.Select(Stem), new Entry(concept, kind, null, _requires));

        // "TIG-svetsning", "CNC-svarvning" are also written as one word: "tigsvetsning".
        if (!surface.Trim().Contains(' ', StringComparison.Ordinal) && words.Length == tokens.Length)
        {
            AddSingle(concept, surface, string.Concat(words), VariantKind.Compound);
        }
    }

    private void AddSingle(int concept, string surface, string word, VariantKind kind)
    {
        var trimmed = surface.Trim();
        if (LabelVariants.IsAcronym(trimmed))
        {
            // Acronyms only as capitals in the text: "PLC", but not "län" for "LAN".
            AddPath([word], new Entry(concept, kind, trimmed, _requires));
            return;
        }

        var stem = Stem(word);
        if (word.Length < MinSingleWordLength || stem.Length < MinSingleWordStem || RecognitionLexicon.EverydayWords.Contains(word))
        {
            return;
        }

        var entry = new Entry(concept, kind, null, _requires);
        AddPath([stem], entry);
        if (word.Length >= MinCompoundPrefix && _requires is null)
        {
            if (!_longWords.TryGetValue(word, out var list))
            {
                _longWords[word] = list = [];
            }

            list.Add(entry with { Kind = VariantKind.Compound });
        }
    }

    /// <summary>
    /// Indexes an activity compound as verb + object, as people write it: "Ritningsläsning" as "läsa ritningar",
    /// "Plåtsvetsning" as "svetsa plåt", "Truckkörning" as "kört truck". The word is split where both halves are
    /// known words.
    /// </summary>
    public void AddActivityPhrase(int concept, string word, IReadOnlySet<string> knownStems)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(knownStems);
        if (!word.EndsWith("ning", StringComparison.Ordinal) && !word.EndsWith("ering", StringComparison.Ordinal))
        {
            return;
        }

        for (var split = 3; split <= word.Length - 6; split++)
        {
            var activity = Stem(word[split..]);
            var thing = word[..split];
            if (thing.Length > 4 && thing[^1] == 's')
            {
                thing = thing[..^1];
            }

            var thingStem = Stem(thing);
            if (activity.Length >= 3 && thingStem.Length >= 3 && knownStems.Contains(activity) && knownStems.Contains(thingStem))
            {
                var entry = new Entry(concept, VariantKind.Rearranged, null, null);
                AddPath([activity, thingStem], entry);

                // Verbs that take -de/-te and -t ("köra": körde, kört; "läsa": läste, läst) keep the ending in
                // their stem, which the -a verbs lose ("svetsade", "svetsat" → "svets").
                AddPath([activity + "d", thingStem], entry);
                AddPath([activity + "t", thingStem], entry);
                return;
            }
        }
    }

    private void AddPath(IEnumerable<string> stems, Entry entry)
    {
        var node = _root;
        foreach (var stem in stems)
        {
            node = node.Child(stem);
        }

        if (!node.Entries.Contains(entry))
        {
            node.Entries.Add(entry);
        }
    }

    /// <summary>Every indexed phrase in <paramref name="text"/>, including ones that overlap.</summary>
    public List<PhraseMatch> Scan(AnalysedText text)
    {
        var matches = new List<PhraseMatch>();
        var path = new List<int>(8);
        for (var start = 0; start < text.Count; start++)
        {
            if (RecognitionLexicon.GlueWords.Contains(text.Tokens[start].Text))
            {
                continue;
            }

            Walk(text, _root, start, path, matches);
            MatchCompoundPrefix(text, start, matches);
        }

        return matches;
    }

    private void MatchCompoundPrefix(AnalysedText text, int position, List<PhraseMatch> matches)
    {
        var word = text.Tokens[position].Text;
        var longWords = _longWords.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var length = word.Length - MinCompoundRest; length >= MinCompoundPrefix; length--)
        {
            if (longWords.TryGetValue(word.AsSpan(0, length), out var entries))
            {
                foreach (var entry in entries)
                {
                    if (entry.Requires is null || entry.Requires.All(text.StemSet.Contains))
                    {
                        matches.Add(new PhraseMatch(entry.Concept, entry.Kind, [position]));
                    }
                }

                return;
            }
        }
    }

    private void Walk(AnalysedText text, Node node, int position, List<int> path, List<PhraseMatch> matches)
    {
        var stems = _derivational ? text.Stems : text.PlainStems;
        if (!node.TryGet(stems[position], out var next))
        {
            return;
        }

        path.Add(position);
        foreach (var entry in next.Entries)
        {
            var exact = entry.Exact is null || string.CompareOrdinal(text.Original, text.Tokens[position].Start, entry.Exact, 0, Math.Max(entry.Exact.Length, text.Tokens[position].Length)) == 0;
            if (exact && (entry.Requires is null || entry.Requires.All(text.StemSet.Contains)))
            {
                matches.Add(new PhraseMatch(entry.Concept, entry.Kind, [.. path]));
            }
        }

        if (next.HasChildren)
        {
            // Continue with the next word, skipping little glue words, or jump from a coordinated modifier to
            // its shared head ("MIG/MAG-svetsning", "A- och B-truck").
            var following = position + 1;
            while (following < text.Count && RecognitionLexicon.GlueWords.Contains(text.Tokens[following].Text) && !next.TryGet(stems[following], out _))
            {
                following++;
            }

            if (following < text.Count)
            {
                Walk(text, next, following, path, matches);
            }

            var head = text.CoordinatedHead[position];
            if (head > position + 1)
            {
                Walk(text, next, head, path, matches);
            }
        }

        path.RemoveAt(path.Count - 1);
    }

    private string[]? _requires;

    private readonly record struct Entry(int Concept, VariantKind Kind, string? Exact, string[]? Requires);

    private sealed class Node
    {
        private Dictionary<string, Node>? _children;

        public List<Entry> Entries { get; } = [];

        public bool HasChildren => _children is not null;

        public Node Child(string stem)
        {
            _children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!_children.TryGetValue(stem, out var child))
            {
                child = new Node();
                _children[stem] = child;
            }

            return child;
        }

        public bool TryGet(string stem, out Node node)
        {
            node = null!;
            return _children is not null && _children.TryGetValue(stem, out node!);
        }
    }
}

/// <summary>One phrase found in a text: the concept, how its variant was derived, and the token positions it used.</summary>
internal sealed record PhraseMatch(int Concept, VariantKind Kind, int[] Positions);

/// <summary>A text split into folded tokens with their stems and coordination links, computed once per text.</summary>
internal sealed class AnalysedText
{
    private HashSet<string>? _stemSet;

    public AnalysedText(string text, WordCache words)
    {
        Original = text;
        var expected = (text.Length / 6) + 4;
        var tokens = new List<TextToken>(expected);
        var stems = new List<string>(expected);
        var plainStems = new List<string>(expected);

        // The same tokens as SearchText.TokenSpans: runs of letters and digits, folded; each word's stems come from
        // the cache, so a word seen before costs no allocation.
        Span<char> buffer = stackalloc char[128];
        char[]? rented = null;
        var length = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                if (length == buffer.Length)
                {
                    var larger = System.Buffers.ArrayPool<char>.Shared.Rent(buffer.Length * 2);
                    buffer.CopyTo(larger);
                    if (rented is not null)
                    {
                        System.Buffers.ArrayPool<char>.Shared.Return(rented);
                    }

                    rented = larger;
                    buffer = larger;
                }

                buffer[length++] = SearchText.Fold(text[i]);
            }
            else if (length > 0)
            {
                var word = words.Get(buffer[..length]);
                tokens.Add(new TextToken(i - length, length, word.Text));
                stems.Add(word.Stem);
                plainStems.Add(word.PlainStem);
                length = 0;
            }
        }

        if (rented is not null)
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }

        Tokens = tokens;
        Stems = [.. stems];
        PlainStems = [.. plainStems];
        CoordinatedHead = new int[Tokens.Count];
        for (var i = 0; i < Tokens.Count; i++)
        {
            CoordinatedHead[i] = FindCoordinatedHead(i);
        }
    }

    public string Original { get; }
    public IReadOnlyList<TextToken> Tokens { get; }
    public string[] Stems { get; }

    /// <summary>Snowball stems without the derivational step.</summary>
    public string[] PlainStems { get; }

    /// <summary>Every stem of the text (both kinds); built when first asked for, as most texts never need it.</summary>
    public HashSet<string> StemSet => _stemSet ??= new HashSet<string>(Stems.Concat(PlainStems), StringComparer.Ordinal);

    /// <summary>For a modifier such as "MIG" in "MIG/MAG-svetsning" or "A" in "A- och B-truck", the head's position; else -1.</summary>
    public int[] CoordinatedHead { get; }

    public int Count => Tokens.Count;

    public TextSpan Span(int first, int last)
    {
        var start = Tokens[first].Start;
        var end = Tokens[last].Start + Tokens[last].Length;
        return new TextSpan(start, end - start, Original[start..end]);
    }

    private int FindCoordinatedHead(int i)
    {
        if (!IsCoordinatingSeparator(Between(i)))
        {
            return -1;
        }

        for (var j = i + 1; j + 1 < Tokens.Count && j <= i + 6; j++)
        {
            var separator = Between(j);
            if (separator is "-")
            {
                return j + 1;
            }

            var word = Tokens[j].Text;
            if (!IsCoordinatingSeparator(separator) && word is not ("och" or "eller") && !(separator.Trim().IsEmpty && Tokens[j + 1].Text is "och" or "eller"))
            {
                return -1;
            }
        }

        return -1;
    }

    // "/" or a dangling hyphen ("A- och", "A-, B-").
    private static bool IsCoordinatingSeparator(ReadOnlySpan<char> separator)
    {
        var trimmed = separator.Trim();
        return trimmed is "/" || (trimmed.StartsWith('-') && separator.Length > trimmed.Length && separator.StartsWith('-')) || trimmed is "-,";
    }

    private ReadOnlySpan<char> Between(int i) =>
        i + 1 < Tokens.Count
            ? Original.AsSpan((Tokens[i].Start + Tokens[i].Length)..Tokens[i + 1].Start)
            : [];
}

/// <summary>A folded word and its two stems (<see cref="SwedishStemmer"/> with and without the derivational step).</summary>
internal sealed record AnalysedWord(string Text, string Stem, string PlainStem);

/// <summary>
/// Words already stemmed, shared by all threads of one recogniser: job ads repeat their vocabulary, so most words
/// are found here without allocating. Bounded, so odd input cannot make it grow without end.
/// </summary>
internal sealed class WordCache
{
    private const int MaxWords = 200_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, AnalysedWord> _words = new(StringComparer.Ordinal);

    public AnalysedWord Get(ReadOnlySpan<char> folded)
    {
        var lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(folded, out var word))
        {
            return word;
        }

        var text = folded.ToString();
        word = new AnalysedWord(text, SwedishStemmer.Stem(text), SwedishStemmer.Stem(text, derivational: false));
        return _words.Count < MaxWords ? _words.GetOrAdd(text, word) : word;
    }
}
