namespace Kompetensbron.Core.Organisations;

/// <summary>Swedish organisation numbers: ten digits, the last a Luhn check digit.</summary>
public static class OrganisationNumber
{
    /// <summary>
    /// Normalises "5560000001", "556000-0001" or "16556000-0001" to "556000-0001"; returns false when the
    /// input is not ten digits (optionally with century prefix 16) or the Luhn check digit is wrong.
    /// </summary>
    /// <remarks>
    /// Accepted shapes, after trimming surrounding white space: NNNNNNNNNN, NNNNNN-NNNN, 16NNNNNNNNNN and
    /// 16NNNNNN-NNNN. Only the Luhn digit is checked, not the group digit, so sole traders' personal identity
    /// numbers (which they use as organisation numbers) are accepted as well.
    /// </remarks>
    public static bool TryNormalise(string? input, out string normalised)
    {
        normalised = string.Empty;
        if (input is null)
        {
            return false;
        }

        var text = input.AsSpan().Trim();
        if (text.Length is 12 or 13 && text.StartsWith("16", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        Span<char> digits = stackalloc char[10];
        if (text.Length == 10 && IsDigits(text))
        {
            text.CopyTo(digits);
        }
        else if (text.Length == 11 && text[6] == '-' && IsDigits(text[..6]) && IsDigits(text[7..]))
        {
            text[..6].CopyTo(digits);
            text[7..].CopyTo(digits[6..]);
        }
        else
        {
            return false;
        }

        if (CheckDigit(digits[..9]) != digits[9] - '0')
        {
            return false;
        }

        normalised = string.Concat(digits[..6], "-", digits[6..]);
        return true;
    }

    /// <summary>The Luhn check digit for the first nine digits.</summary>
    /// <exception cref="ArgumentException"><paramref name="nineDigits"/> is not exactly nine ASCII digits.</exception>
    public static int CheckDigit(ReadOnlySpan<char> nineDigits)
    {
        if (nineDigits.Length != 9 || !IsDigits(nineDigits))
        {
            throw new ArgumentException("Expected exactly nine digits.", nameof(nineDigits));
        }

        // Luhn: from the left, double every other digit starting with the first, add the digit sums.
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var value = (nineDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += value > 9 ? value - 9 : value;
        }

        return (10 - (sum % 10)) % 10;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
