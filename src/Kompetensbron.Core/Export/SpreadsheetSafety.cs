using System.Globalization;

namespace Kompetensbron.Core.Export;

/// <summary>
/// Neutralises formula injection (CWE-1236): a text cell that starts with = + - @ (or a tab or carriage return,
/// which some spreadsheets skip) is prefixed with an apostrophe so spreadsheets show it as text instead of running
/// it. Plain numbers such as "-17" are left alone: they are data, and spreadsheets read them as numbers.
/// </summary>
public static class SpreadsheetSafety
{
    public static string Neutralise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var first = text[0];
        var risky = first is '=' or '+' or '-' or '@' or '\t' or '\r';
        if (!risky || IsPlainNumber(text))
        {
            return text;
        }

        return "'" + text;
    }

    private static bool IsPlainNumber(string text) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
}
