using System.Globalization;

namespace Kompetensbron.Core.Insights;

/// <summary>
/// Small-cell suppression for everything published (UI, exports, API): a count of 1–4 people is shown as
/// "&lt;5" so no individual can be singled out. Zero is shown as 0: it says nobody, which reveals no one.
/// Expected (fractional) counts are rounded to whole people first.
/// </summary>
public static class PublishedCount
{
    public const int Threshold = 5;
    public const string Suppressed = "<5";

    public static int Round(double count) => (int)Math.Round(count, MidpointRounding.AwayFromZero);

    public static bool IsSuppressed(double count) => Round(count) is > 0 and < Threshold;

    public static string Format(double count) =>
        IsSuppressed(count) ? Suppressed : Round(count).ToString(CultureInfo.InvariantCulture);
}
