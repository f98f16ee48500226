using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net.Mail;
using System.Text;
using Kompetensbron.Data.Database;
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
    /// messages name the page instead of linking to it (never the address of an incoming request, which a caller controls).
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
/// nothing leaves the machine until a real sender is configured.
/// </summary>
public sealed class OutboxEmailSender(IOptions<EmailOptions> options, TimeProvider time) : IEmailSender
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
}
