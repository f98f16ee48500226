namespace Kompetensbron.Core.Text;

/// <summary>
/// A light Swedish stemmer for folded words (see <see cref="SearchText.Fold(string)"/>): the Snowball Swedish
/// algorithm, plus one derivational step that strips -ning/-ing so the activity noun meets its verb and agent
/// noun ("svetsning", "svetsar", "svetsade", "svetsare" → "svets"). docs/decisions/0008-text-recognition.md
/// </summary>
public static class SwedishStemmer
{
    // Snowball step 1 suffixes, longest first so the first hit is the longest.
    private static readonly string[] Step1Suffixes =
    [
        "heterna", "hetens", "anden", "heten", "heter", "arnas", "ernas", "ornas", "andes", "arens", "andet",
        "arna", "erna", "orna", "ande", "arne", "aste", "aren", "ades", "erns",
        "ade", "are", "ern", "ens", "het", "ast",
        "ad", "en", "ar", "er", "or", "as", "es", "at",
        "a", "e",
    ];

    private static readonly string[] Step2Endings = ["dd", "gd", "nn", "dt", "gt", "kt", "tt"];

    /// <summary>Stems one folded, lower-case word; with <paramref name="derivational"/> false it is plain Snowball.</summary>
    public static string Stem(string word, bool derivational = true)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length < 3)
        {
            return word;
        }

        var r1 = RegionOne(word);
        var end = word.Length;

        // Step 1: the longest suffix in R1, or an s after a valid s-ending.
        var removed = false;
        foreach (var suffix in Step1Suffixes)
        {
            if (end - suffix.Length >= r1 && word.AsSpan(0, end).EndsWith(suffix, StringComparison.Ordinal))
            {
                end -= suffix.Length;
                removed = true;

                // Agent nouns in -ör: "operatörer" and "operatör" share a stem (Snowball leaves "operator").
                if (suffix.StartsWith("er", StringComparison.Ordinal) && end - 2 >= r1 && word.AsSpan(0, end).EndsWith("or", StringComparison.Ordinal))
                {
                    end -= 2;
                }

                break;
            }
        }

        if (!removed && end - 1 >= r1 && word[end - 1] == 's' && end >= 2 && "bcdfghjklmnoprtvy".Contains(word[end - 2], StringComparison.Ordinal))
        {
            end--;
        }

        // Step 2: undouble.
        foreach (var ending in Step2Endings)
        {
            if (end - 2 >= r1 && word.AsSpan(0, end).EndsWith(ending, StringComparison.Ordinal))
            {
                end--;
                break;
            }
        }

        // Step 3.
        var span = word.AsSpan(0, end);
        if (end - 5 >= r1 && span.EndsWith("fullt", StringComparison.Ordinal))
        {
            end--;
        }
        else if (end - 4 >= r1 && span.EndsWith("lost", StringComparison.Ordinal))
        {
            end--;
        }
        else if (end - 3 >= r1 && (span.EndsWith("lig", StringComparison.Ordinal) || span.EndsWith("els", StringComparison.Ordinal)))
        {
            end -= 3;
        }
        else if (end - 2 >= r1 && span.EndsWith("ig", StringComparison.Ordinal))
        {
            end -= 2;
        }

        if (derivational)
        {
            span = word.AsSpan(0, end);
            if (end >= 7 && span.EndsWith("ning", StringComparison.Ordinal))
            {
                end -= 4;
            }
            else if (end >= 7 && span.EndsWith("ing", StringComparison.Ordinal))
            {
                end -= 3;
            }
        }

        return end == word.Length ? word : word[..end];
    }

    // R1 starts after the first non-vowel that follows a vowel, but at least at 3.
    private static int RegionOne(string word)
    {
        for (var i = 1; i < word.Length; i++)
        {
            if (!IsVowel(word[i]) && IsVowel(word[i - 1]))
            {
                return Math.Max(3, i + 1);
            }
        }

        return word.Length;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'å' or 'ä' or 'ö';
}
