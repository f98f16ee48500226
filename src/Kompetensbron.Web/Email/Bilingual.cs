using System.Globalization;
using Kompetensbron.Web.Localisation;

namespace Kompetensbron.Web.Email;

/// <summary>
/// E-mail in Swedish, then English: we do not store a person's language, so messages carry both. Texts are read
/// from the resources in each culture in turn.
/// </summary>
public static class Bilingual
{
    /// <summary>Reads a text (subject, body) in a culture, restoring the current one afterwards.</summary>
    public static T In<T>(string culture, Func<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var previous = CultureInfo.CurrentUICulture;
        var previousFormat = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
            CultureInfo.CurrentCulture = previousFormat;
        }
    }

    /// <summary>One message: the Swedish subject, and the body in Swedish, a rule, then English.</summary>
    public static EmailMessage Message(string to, Func<(string Subject, string Body)> read)
    {
        var (subject, swedish) = In(Cultures.Swedish, read);
        var (_, english) = In(Cultures.English, read);
        return new EmailMessage(to, subject, $"{swedish}\n\n----\n\n{english}\n");
    }
}
