using System.Collections.Frozen;
using System.Globalization;

namespace Kompetensbron.Core.Accounts;

/// <summary>Why a new password was refused by <see cref="CommonPasswords"/>.</summary>
public enum PasswordWeakness
{
    None,

    /// <summary>On the list of common passwords, also with digits or punctuation before or after it.</summary>
    Common,

    /// <summary>Contains the person's e-mail address (its part before the @) or name.</summary>
    Personal,
}

/// <summary>
/// The blocklist of passwords people commonly choose (NIST SP 800-63B 5.1.1.2), shipped in the assembly
/// (<c>data/common-passwords.txt.gz</c>, sources in <c>data/SOURCES.md</c>). Comparison ignores case.
/// </summary>
public sealed class CommonPasswords
{
    private const int ShortestPersonalWord = 4;
    private static readonly Lazy<CommonPasswords> Embedded = new(Load);
    private readonly FrozenSet<string> _passwords;

    public CommonPasswords(IEnumerable<string> passwords)
    {
        ArgumentNullException.ThrowIfNull(passwords);
        _passwords = passwords.Select(Normalise).Where(p => p.Length > 0).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The list that ships with the product (loaded once per process).</summary>
    public static CommonPasswords Shipped => Embedded.Value;

    public int Count => _passwords.Count;

    /// <summary>
    /// Checks a new password: refused when it is a common password ("Password123" counts as "password" with digits
    /// after it) or contains the person's e-mail name or display name.
    /// </summary>
    public PasswordWeakness Check(string password, string? email = null, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(password);
        var normalised = Normalise(password);
        if (_passwords.Contains(normalised) || _passwords.Contains(Stem(normalised)))
        {
            return PasswordWeakness.Common;
        }

        var compact = Compact(normalised);
        foreach (var word in PersonalWords(email, displayName))
        {
            if (compact.Contains(word, StringComparison.Ordinal))
            {
                return PasswordWeakness.Personal;
            }
        }

        return PasswordWeakness.None;
    }

    private static IEnumerable<string> PersonalWords(string? email, string? displayName)
    {
        if (!string.IsNullOrWhiteSpace(email))
        {
            var normalised = Normalise(email);
            var at = normalised.IndexOf('@', StringComparison.Ordinal);
            yield return Compact(normalised);
            if (at >= ShortestPersonalWord)
            {
                yield return Compact(normalised[..at]);
            }
        }

        if (!string.IsNullOrWhiteSpace(displayName) && Compact(Normalise(displayName)) is { Length: >= ShortestPersonalWord } name)
        {
            yield return name;
        }
    }

    private static string Normalise(string text) => text.Trim().ToLower(CultureInfo.InvariantCulture);

    /// <summary>The password without the digits, punctuation and spaces people add before or after a word.</summary>
    private static string Stem(string password) => password.Trim(Decoration(password));

    private static char[] Decoration(string password) =>
        password.Where(c => char.IsDigit(c) || char.IsPunctuation(c) || char.IsSymbol(c) || char.IsWhiteSpace(c)).Distinct().ToArray();

    private static string Compact(string text) => new(text.Where(char.IsLetterOrDigit).ToArray());

    private static CommonPasswords Load()
    {
        using var reader = new StreamReader(EmbeddedData.Open("common-passwords.txt.gz"));
        var passwords = new List<string>(32_000);
        while (reader.ReadLine() is { } line)
        {
            passwords.Add(line);
        }

        return new CommonPasswords(passwords);
    }
}
