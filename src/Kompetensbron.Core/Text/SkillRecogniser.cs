using System.Collections.Frozen;
using Kompetensbron.Core.Taxonomy;

namespace Kompetensbron.Core.Text;

/// <summary>
/// Recognises JobTech skills and likely occupation names in Swedish free text (job ads, a person's own words).
/// Build once per process with <see cref="Create"/>; <see cref="Recognise"/> is thread-safe.
/// Method and figures: docs/decisions/0008-text-recognition.md.
/// </summary>
public sealed class SkillRecogniser
{
    /// <summary>How many occupations <see cref="Recognise"/> proposes unless told otherwise.</summary>
    public const int DefaultOccupationCount = 5;

    // Confidence of a match by how its surface was derived from the label.
    private static readonly FrozenDictionary<VariantKind, double> KindWeight = new Dictionary<VariantKind, double>
    {
        [VariantKind.Label] = 1.0,
        [VariantKind.Synonym] = 0.9,
        [VariantKind.Rearranged] = 0.9,
        [VariantKind.Compound] = 0.85,
        [VariantKind.Part] = 0.7,
    }.ToFrozenDictionary();

    // Occupation score = mention + head word + SkillEvidenceWeight × share of skill evidence in its SSYK-4 group.
    private const double EarlyMentionFactor = 1.5;
    private const int EarlyMentionChars = 150;
    private const double HeadWordMention = 0.5;
    private const double LabelWordsOverlap = 0.3;
    private const double SkillEvidenceWeight = 1.5;

    private readonly Skill[] _skills;
    private readonly int[][] _skillGroups;
    private readonly double[] _skillIdf;
    private readonly Occupation[] _occupations;
    private readonly int[] _occupationGroup;
    private readonly string[] _groupCodes;
    private readonly int[] _groupRepresentative;
    private readonly FrozenDictionary<string, int[]> _occupationsByHeadWord;
    private readonly PhraseIndex _skillIndex = new();
    private readonly PhraseIndex _occupationIndex = new(derivational: false);
    private readonly string[][] _occupationLabelStems;
    private readonly int[] _occupationLinks;
    private readonly WordCache _words = new();

    private SkillRecogniser(TaxonomyModel taxonomy)
    {
        _skills = [.. taxonomy.Skills];
        _occupations = [.. taxonomy.Occupations];

        var groups = taxonomy.SsykGroups.Where(g => g.Level == 4).ToArray();
        var groupIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var g = 0; g < groups.Length; g++)
        {
            groupIndex[groups[g].Id] = g;
        }

        _groupCodes = Array.ConvertAll(groups, g => g.Code);
        var groupsWithSkills = groups.Count(g => taxonomy.SkillsForSsyk4(g.Id).Count > 0);
        _skillGroups = new int[_skills.Length][];
        _skillIdf = new double[_skills.Length];
        var skillIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var knownStems = KnownStems(taxonomy);
        for (var s = 0; s < _skills.Length; s++)
        {
            skillIndex[_skills[s].Id] = s;
            _skillGroups[s] = [.. taxonomy.Ssyk4GroupsForSkill(_skills[s].Id).Select(g => groupIndex[g.Id])];
            _skillIdf[s] = _skillGroups[s].Length == 0 ? 0 : Math.Log(1.0 + (double)groupsWithSkills / _skillGroups[s].Length);
            foreach (var variant in LabelVariants.Of(_skills[s].Label))
            {
                _skillIndex.Add(s, variant);
                var words = SearchText.Tokens(variant.Surface);
                if (words.Length == 1 && variant.Kind != VariantKind.Part)
                {
                    _skillIndex.AddActivityPhrase(s, words[0], knownStems);
                }
            }
        }

        foreach (var (surface, id) in RecognitionLexicon.Synonyms)
        {
            if (skillIndex.TryGetValue(id, out var s))
            {
                _skillIndex.Add(s, surface, VariantKind.Synonym);
                var words = SearchText.Tokens(surface);
                if (words.Length == 1)
                {
                    _skillIndex.AddActivityPhrase(s, words[0], knownStems);
                }
            }
        }

        _occupationGroup = new int[_occupations.Length];
        var headWords = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        _groupRepresentative = Enumerable.Repeat(-1, groups.Length).ToArray();
        for (var o = 0; o < _occupations.Length; o++)
        {
            var occupation = _occupations[o];
            var g = groupIndex[occupation.Ssyk4Id];
            _occupationGroup[o] = g;
            var representative = _groupRepresentative[g];
            if (representative < 0 || IsMoreGeneral(occupation, _occupations[representative]))
            {
                _groupRepresentative[g] = o;
            }

            foreach (var variant in LabelVariants.Of(occupation.Label))
            {
                _occupationIndex.Add(o, variant);
            }

            foreach (var word in HeadWords(occupation.Label))
            {
                if (!headWords.TryGetValue(word, out var list))
                {
                    headWords[word] = list = [];
                }

                list.Add(o);
            }
        }

        _occupationLabelStems = Array.ConvertAll(_occupations, o =>
            SearchText.Tokens(o.Label).Where(t => !RecognitionLexicon.GlueWords.Contains(t)).Select(t => SwedishStemmer.Stem(t, derivational: false)).Distinct(StringComparer.Ordinal).ToArray());
        _occupationLinks = Array.ConvertAll(_occupations, o => taxonomy.SubstitutesFrom(o.Id).Count + taxonomy.SubstitutesTo(o.Id).Count);
        _occupationsByHeadWord = headWords.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Builds the recogniser's indexes from the taxonomy (about 0.1 s; do it once and share the instance).</summary>
    public static SkillRecogniser Create(TaxonomyModel taxonomy)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        return new SkillRecogniser(taxonomy);
    }

    /// <summary>The skills in <paramref name="text"/> and the most likely occupation names, best first.</summary>
    public TextRecognition Recognise(string text, int occupations = DefaultOccupationCount)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(occupations);
        var analysed = new AnalysedText(text, _words);
        var skills = FindSkills(analysed);
        return new TextRecognition([.. skills.Select(s => s.Skill)], RankOccupations(analysed, skills, occupations));
    }

    /// <summary>Only the skills of <see cref="Recognise"/>, in order of first appearance.</summary>
    public IReadOnlyList<RecognisedSkill> RecogniseSkills(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. FindSkills(new AnalysedText(text, _words)).Select(s => s.Skill)];
    }

    private List<(int Concept, RecognisedSkill Skill)> FindSkills(AnalysedText text)
    {
        var matches = KeepMostSpecific(_skillIndex.Scan(text));

        // The same words can name several concepts ("kvalitetskontroll": the general skill and the one
        // "…, industriell tillverkning"); the context of the other skills in the text decides.
        var byWords = matches.GroupBy(m => string.Join(',', m.Positions), StringComparer.Ordinal).ToList();
        var certain = byWords.Where(g => g.Select(m => m.Concept).Distinct().Count() == 1).Select(g => g.First().Concept).Distinct().ToArray();
        var groupSupport = new Dictionary<int, int>();
        foreach (var s in certain)
        {
            foreach (var g in _skillGroups[s])
            {
                groupSupport[g] = groupSupport.GetValueOrDefault(g) + 1;
            }
        }

        var chosen = new List<(PhraseMatch Match, double Confidence)>();
        foreach (var words in byWords)
        {
            var best = words
                .Select(m => (Match: m, Score: KindWeight[m.Kind] + Support(m.Concept, groupSupport, certain.Length)))
                .OrderByDescending(c => c.Score)
                .ThenBy(c => c.Match.Concept)
                .First();
            chosen.Add((best.Match, KindWeight[best.Match.Kind]));
        }

        var result = new List<(int, RecognisedSkill)>();
        foreach (var concept in chosen.OrderBy(c => c.Match.Positions[0]).GroupBy(c => c.Match.Concept))
        {
            var skill = _skills[concept.Key];
            var spans = concept.Select(c => text.Span(c.Match.Positions[0], c.Match.Positions[^1])).ToArray();
            result.Add((concept.Key, new RecognisedSkill(skill.Id, skill.Label, Math.Round(concept.Max(c => c.Confidence), 3), spans)));
        }

        return result;
    }

    // The share of the other, unambiguous skills that share an SSYK-4 group with the concept.
    private double Support(int concept, Dictionary<int, int> groupSupport, int certain)
    {
        if (certain == 0)
        {
            return 0;
        }

        var best = 0;
        foreach (var g in _skillGroups[concept])
        {
            best = Math.Max(best, groupSupport.GetValueOrDefault(g));
        }

        return (double)best / certain;
    }

    // A match whose words are all used by a longer match is dropped ("Svarvning, CNC" wins over a bare
    // "svarvning"); partly overlapping matches both stay, as in "A- och B-truck".
    private static List<PhraseMatch> KeepMostSpecific(List<PhraseMatch> matches)
    {
        var kept = new List<PhraseMatch>(matches.Count);
        foreach (var match in matches)
        {
            var dominated = false;
            foreach (var other in matches)
            {
                if (other.Positions.Length > match.Positions.Length && IsSubset(match.Positions, other.Positions))
                {
                    dominated = true;
                    break;
                }
            }

            if (!dominated)
            {
                kept.Add(match);
            }
        }

        return kept;
    }

    private static bool IsSubset(int[] positions, int[] of)
    {
        foreach (var p in positions)
        {
            if (Array.IndexOf(of, p) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private List<RecognisedOccupation> RankOccupations(AnalysedText text, List<(int Concept, RecognisedSkill Skill)> skills, int count)
    {
        if (count == 0)
        {
            return [];
        }

        var scores = new Dictionary<int, double>();
        foreach (var match in KeepMostSpecific(_occupationIndex.Scan(text)))
        {
            var early = text.Tokens[match.Positions[0]].Start < EarlyMentionChars ? EarlyMentionFactor : 1.0;
            scores[match.Concept] = scores.GetValueOrDefault(match.Concept) + (KindWeight[match.Kind] * early);
        }

        var headWordsSeen = new Dictionary<int, double>();
        for (var i = 0; i < text.Count; i++)
        {
            var early = text.Tokens[i].Start < EarlyMentionChars ? EarlyMentionFactor : 1.0;
            foreach (var word in TextHeadWords(text, i))
            {
                if (_occupationsByHeadWord.TryGetValue(word, out var occupations))
                {
                    foreach (var o in occupations)
                    {
                        headWordsSeen[o] = Math.Max(headWordsSeen.GetValueOrDefault(o), HeadWordMention * early);
                    }
                }
            }
        }

        foreach (var (o, weight) in headWordsSeen)
        {
            // The other words of the name, as in "Undersköterska, hemtjänst, äldreboende …", tell similar names apart.
            var words = _occupationLabelStems[o];
            var overlap = words.Length == 0 ? 0 : (double)words.Count(text.StemSet.Contains) / words.Length;
            scores[o] = scores.GetValueOrDefault(o) + weight + (LabelWordsOverlap * overlap);
        }

        // Skill evidence per SSYK-4 group: skills that few groups list say more (idf).
        var evidence = new Dictionary<int, double>();
        var total = 0.0;
        foreach (var (s, skill) in skills)
        {
            var weight = _skillIdf[s] * skill.Confidence;
            total += weight;
            foreach (var g in _skillGroups[s])
            {
                evidence[g] = evidence.GetValueOrDefault(g) + weight;
            }
        }

        if (total > 0)
        {
            foreach (var o in scores.Keys.ToArray())
            {
                scores[o] += SkillEvidenceWeight * evidence.GetValueOrDefault(_occupationGroup[o]) / total;
            }

            // Groups the skills point to but no occupation of which is named: their most general name stands in.
            var named = scores.Keys.Select(o => _occupationGroup[o]).ToHashSet();
            foreach (var (g, weight) in evidence)
            {
                var representative = _groupRepresentative[g];
                if (!named.Contains(g) && representative >= 0)
                {
                    scores[representative] = SkillEvidenceWeight * weight / total;
                }
            }
        }

        return [.. scores
            .OrderByDescending(p => p.Value)
            .ThenByDescending(p => _occupationLinks[p.Key])
            .ThenBy(p => _occupations[p.Key].Label.Length)
            .ThenBy(p => _occupations[p.Key].Id, StringComparer.Ordinal)
            .Take(count)
            .Select(p => new RecognisedOccupation(
                _occupations[p.Key].Id,
                _occupations[p.Key].Label,
                _groupCodes[_occupationGroup[p.Key]],
                Math.Round(p.Value, 3)))];
    }

    // Swedish words the taxonomy itself uses (labels and SSYK definitions), to split compounds at real words.
    private static HashSet<string> KnownStems(TaxonomyModel taxonomy)
    {
        var texts = taxonomy.Skills.Select(s => s.Label)
            .Concat(taxonomy.Occupations.Select(o => o.Label))
            .Concat(taxonomy.SsykGroups.Select(g => g.Definition ?? g.Label));
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var token in SearchText.Tokens(text))
            {
                stems.Add(SwedishStemmer.Stem(token));
            }
        }

        return stems;
    }

    // The first word of each name: "montor" for "Montör metallprodukter", "cncoperator" for "CNC-operatör".
    private static IEnumerable<string> HeadWords(string label) =>
        label.Split('/')
            .Select(alternative => alternative.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault())
            .Where(word => word is not null && !string.Equals(word, "Lärling", StringComparison.OrdinalIgnoreCase))
            .Select(word => SwedishStemmer.Stem(string.Concat(SearchText.Tokens(word)), derivational: false))
            .Where(stem => stem.Length >= 4)
            .Distinct(StringComparer.Ordinal);

    // A text word, or a hyphenated run ending at it ("CNC-operatör"), as a head word.
    private static IEnumerable<string> TextHeadWords(AnalysedText text, int i)
    {
        yield return text.PlainStems[i];
        var first = i;
        while (first > 0 && text.Tokens[first - 1].Start + text.Tokens[first - 1].Length + 1 == text.Tokens[first].Start && text.Original[text.Tokens[first].Start - 1] == '-')
        {
            first--;
        }

        if (first < i)
        {
            yield return SwedishStemmer.Stem(string.Concat(Enumerable.Range(first, i - first + 1).Select(t => text.Tokens[t].Text)), derivational: false);
        }
    }

    private static bool IsMoreGeneral(Occupation candidate, Occupation current) =>
        candidate.Label.Length != current.Label.Length
            ? candidate.Label.Length < current.Label.Length
            : string.CompareOrdinal(candidate.Id, current.Id) < 0;
}

/// <summary>Where a match stands in the text: UTF-16 offset, length and the words as written.</summary>
public sealed record TextSpan(int Start, int Length, string Text);

/// <summary>A skill found in a text, with every place it was found (first one first) and a confidence in 0–1.</summary>
public sealed record RecognisedSkill(string Id, string Label, double Confidence, IReadOnlyList<TextSpan> Spans)
{
    /// <summary>The first place the skill was found.</summary>
    public TextSpan Span => Spans[0];
}

/// <summary>A likely occupation name for a text, with its SSYK-4 code and a score (higher is more likely).</summary>
public sealed record RecognisedOccupation(string Id, string Label, string Ssyk4Code, double Score);

/// <summary>What <see cref="SkillRecogniser.Recognise"/> found: skills in order of appearance, occupations best first.</summary>
public sealed record TextRecognition(IReadOnlyList<RecognisedSkill> Skills, IReadOnlyList<RecognisedOccupation> Occupations);
