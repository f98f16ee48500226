namespace Kompetensbron.Core.Organisations;

/// <summary>Swedish organisation numbers: ten digits, the last a Luhn check digit.</summary>
public static class OrganisationNumber
{
    /// <summary>
    /// Normalises "5560000001", "556000-0001" or "16556000-0001" to "556000-0001"; returns false when the
    /// input is not ten digits (optionally with century prefix 16) or the Luhn check digit is wrong.
    /// </summary>
    public static bool TryNormalise(string? input, out string normalised) => throw new NotImplementedException();

    /// <summary>The Luhn check digit for the first nine digits.</summary>
    public static int CheckDigit(ReadOnlySpan<char> nineDigits) => throw new NotImplementedException();
}
