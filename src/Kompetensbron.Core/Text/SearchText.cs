using System.Globalization;
using System.Text;

namespace Kompetensbron.Core.Text;

/// <summary>
/// Normalisation for forgiving Swedish look-ups: lower case, diacritics folded (å ä → a, ö → o, é → e …)
/// and labels split into word tokens on anything that is not a letter or digit.
/// </summary>
public static class SearchText
{
    // Folding table for U+0000–U+024F (Latin, Latin-1, Latin Extended-A/B), built once from Unicode
    // decomposition so "é", "è", "ü" and friends fold without a hand-written list.
    private const int TableSize = 0x250;
    private static readonly char[] FoldTable = BuildFoldTable();

    /// <summary>Lower-cases and folds one character; characters outside the Latin blocks are only lower-cased.</summary>
    public static char Fold(char c) => c < TableSize ? FoldTable[c] : char.ToLowerInvariant(c);

    /// <summary>Lower-cases and folds every character of <paramref name="text"/>, keeping punctuation and spaces.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Fold(source[i]);
            }
        });
    }

    /// <summary>The folded word tokens of <paramref name="text"/>: "TIG-svetsning" → ["tig", "svetsning"].</summary>
    public static string[] Tokens(string? text) => Split(text, fold: true);

    /// <summary>The lower-cased (not folded) word tokens of <paramref name="text"/>.</summary>
    public static string[] LowerTokens(string? text) => Split(text, fold: false);

    /// <summary>The folded tokens joined by single spaces: "Upplands-Bro" and "upplands bro" both give "upplands bro".</summary>
    public static string Key(string? text) => string.Join(' ', Tokens(text));

    /// <summary>
    /// The folded word tokens of <paramref name="text"/> with where each one stands in it, so a match on tokens
    /// can be shown as the words the person wrote.
    /// </summary>
    public static IReadOnlyList<TextToken> TokenSpans(string? text)
    {
        var tokens = new List<TextToken>();
        Walk(text, fold: true, (start, word) => tokens.Add(new TextToken(start, word.Length, word)));
        return tokens;
    }

    private static string[] Split(string? text, bool fold)
    {
        var tokens = new List<string>(4);
        Walk(text, fold, (_, word) => tokens.Add(word));
        return [.. tokens];
    }

    private static void Walk(string? text, bool fold, Action<int, string> token)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var buffer = new StringBuilder(32);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                buffer.Append(fold ? Fold(c) : char.ToLowerInvariant(c));
            }
            else if (buffer.Length > 0)
            {
                token(i - buffer.Length, buffer.ToString());
                buffer.Clear();
            }
        }

        if (buffer.Length > 0)
        {
            token(text.Length - buffer.Length, buffer.ToString());
        }
    }

    private static char[] BuildFoldTable()
    {
        var table = new char[TableSize];
        for (var i = 0; i < TableSize; i++)
        {
            var lower = char.ToLowerInvariant((char)i);
            table[i] = lower;
            if (lower < 0x80)
            {
                continue;
            }

            var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
            var baseChar = decomposed[0];
            var onlyMarksFollow = true;
            for (var j = 1; j < decomposed.Length; j++)
            {
                onlyMarksFollow &= CharUnicodeInfo.GetUnicodeCategory(decomposed[j]) == UnicodeCategory.NonSpacingMark;
            }

            if (onlyMarksFollow && baseChar < 0x80 && char.IsLetter(baseChar))
            {
                table[i] = baseChar;
            }
        }

        // Letters without a Unicode decomposition that Swedish users still type without the stroke.
        table['ø'] = 'o';
        table['Ø'] = 'o';
        table['đ'] = 'd';
        table['Đ'] = 'd';
        table['ł'] = 'l';
        table['Ł'] = 'l';
        return table;
    }
}

/// <summary>A folded word token and its position (UTF-16 offset and length) in the original text.</summary>
public readonly record struct TextToken(int Start, int Length, string Text);
