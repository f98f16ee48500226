using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net.Mail;
using System.Text;
using Kompetensbron.Data.Database;
using Kompetensbron.Data.Privacy;
using Microsoft.Extensions.Options;

namespace Kompetensbron.Web.Email;

/// <summary>A plain-text e-mail to one person.</summary>
public sealed record EmailMessage(string To, string Subject, string Body);

/// <summary>Sends e-mail. Locally and in tests: <see cref="OutboxEmailSender"/>; a real SMTP sender can replace it.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>Configuration section <c>Email</c>.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    [Required]
    [EmailAddress]
    public string From { get; set; } = "noreply@kompetensbron.example";

    /// <summary>
    /// The site's public address (e.g. <c>https://kompetensbron.example</c>) for links in e-mail; empty means the
    /// address the server listens on (<see cref="EmailLinks"/>), never that of an incoming request, which a caller controls.
    /// </summary>
    [Url]
    public string? PublicAddress { get; set; }

    /// <summary>Where <see cref="OutboxEmailSender"/> writes messages; empty means <c>outbox</c> beside the default database.</summary>
    public string? OutboxFolder { get; set; }

    public string ResolvedOutboxFolder() =>
        string.IsNullOrWhiteSpace(OutboxFolder)
            ? Path.Combine(Path.GetDirectoryName(DatabaseOptions.DefaultSqlitePath())!, "outbox")
            : OutboxFolder;
}

/// <summary>
/// Writes each message as an RFC 5322 <c>.eml</c> file into the outbox folder (open it in any mail program), so
/// nothing leaves the machine until a real sender is configured. The messages to a person are theirs: in their data
/// export, and deleted with their account (<see cref="IPersonalMessages"/>).
/// </summary>
public sealed class OutboxEmailSender(IOptions<EmailOptions> options, TimeProvider time) : IEmailSender, IPersonalMessages
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var folder = options.Value.ResolvedOutboxFolder();
        Directory.CreateDirectory(folder);
        var now = time.GetUtcNow();
        var file = Path.Combine(folder, $"{now:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml");

        var eml = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"From: {new MailAddress(options.Value.From)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"To: {new MailAddress(message.To)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Subject: =?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(message.Subject))}?=\r\n")
            .Append(CultureInfo.InvariantCulture, $"Date: {now.ToString("r", CultureInfo.InvariantCulture)}\r\n")
            .Append("MIME-Version: 1.0\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n")
            .Append("Content-Transfer-Encoding: 8bit\r\n\r\n")
            .Append(message.Body.ReplaceLineEndings("\r\n"));
        await File.WriteAllTextAsync(file, eml.ToString(), new UTF8Encoding(false), cancellationToken);
    }

    public IReadOnlyList<PersonalData.MessageData> MessagesTo(string email) =>
        [.. FilesTo(email).Select(f => new PersonalData.MessageData(f.Date, f.Subject)).OrderBy(m => m.At)];

    public int DeleteMessagesTo(string email)
    {
        var files = FilesTo(email);
        foreach (var file in files)
        {
            File.Delete(file.Path);
        }

        return files.Count;
    }

    /// <summary>The outbox files whose To header is <paramref name="email"/> (any case), with their date and decoded subject.</summary>
    private List<(string Path, DateTimeOffset? Date, string Subject)> FilesTo(string email)
    {
        ArgumentException.ThrowIfNullOrEmpty(email);
        var folder = options.Value.ResolvedOutboxFolder();
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var found = new List<(string, DateTimeOffset?, string)>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml"))
        {
            var headers = File.ReadLines(file).TakeWhile(l => l.Length > 0)
                .Select(l => l.Split(':', 2))
                .Where(p => p.Length == 2)
                .GroupBy(p => p[0].Trim(), StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.OrdinalIgnoreCase);
            if (headers.TryGetValue("To", out var to) && MailAddress.TryCreate(to, out var address)
                && string.Equals(address.Address, email, StringComparison.OrdinalIgnoreCase))
            {
                found.Add((file,
                    headers.TryGetValue("Date", out var date) && DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null,
                    headers.TryGetValue("Subject", out var subject) ? DecodeSubject(subject) : ""));
            }
        }

        return found;
    }

    private static string DecodeSubject(string subject)
    {
        const string Prefix = "=?utf-8?B?";
        if (subject.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && subject.EndsWith("?=", StringComparison.Ordinal))
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(subject[Prefix.Length..^2]));
            }
            catch (FormatException)
            {
                return subject;
            }
        }

        return subject;
    }
}
