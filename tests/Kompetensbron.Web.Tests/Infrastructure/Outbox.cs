using System.Text.RegularExpressions;

namespace Kompetensbron.Web.Tests.Infrastructure;

/// <summary>The app's outgoing e-mail (<c>.eml</c> files in <see cref="KompetensbronWebFactory.OutboxFolder"/>).</summary>
public static partial class Outbox
{
    /// <summary>Every message to <paramref name="address"/>, oldest first (raw text: headers and body).</summary>
    public static IReadOnlyList<string> To(KompetensbronWebFactory factory, string address)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return Directory.Exists(factory.OutboxFolder)
            ? Directory.EnumerateFiles(factory.OutboxFolder, "*.eml").Order(StringComparer.Ordinal).Select(File.ReadAllText)
                .Where(m => m.Contains($"To: {address}\r\n", StringComparison.OrdinalIgnoreCase)).ToList()
            : [];
    }

    /// <summary>The sign-up link (path and query) in the newest message to <paramref name="address"/>.</summary>
    public static string SignUpLink(KompetensbronWebFactory factory, string address)
    {
        var messages = To(factory, address);
        Assert.True(messages.Count > 0, $"No e-mail to {address}.");
        var message = messages[^1];
        var link = SignUpLinkPattern().Match(message);
        Assert.True(link.Success, $"No sign-up link in the e-mail to {address}:\n{message}");
        return link.Value;
    }

    /// <summary>
    /// After a sign-up form sent <paramref name="client"/> to "check your e-mail": opens the link from the outbox and
    /// presses its button, as the person would. Returns the answer to that (a redirect when the account was made).
    /// </summary>
    public static async Task<HttpResponseMessage> ConfirmSignUpAsync(this HttpClient client, KompetensbronWebFactory factory, string email)
    {
        ArgumentNullException.ThrowIfNull(client);
        return await client.SubmitFormAsync(SignUpLink(factory, email), []);
    }

    [GeneratedRegex(@"/konto/bekrafta\?token=[A-Za-z0-9%_\-]+")]
    private static partial Regex SignUpLinkPattern();
}
