using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Kompetensbron.Web.Import;

/// <summary>
/// Keeps an uploaded file between the dry run and the confirmation, so the person does not upload it twice: the
/// bytes in a temporary folder under a random name, and a protected, time-limited ticket (file, user, kind) in the
/// page. The ticket only works for the user who uploaded; files older than <see cref="Lifetime"/> are deleted.
/// With several web instances the confirmation must reach the same one, otherwise the page asks for the file again.
/// </summary>
public sealed class ImportUploads(IDataProtectionProvider protection, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Kompetensbron.Import.Upload").ToTimeLimitedDataProtector();

    private static string Folder => Path.Combine(Path.GetTempPath(), "kompetensbron-uploads");

    /// <summary>Stores <paramref name="file"/> and returns the ticket that gets it back.</summary>
    public async Task<string> KeepAsync(Stream file, string userId, ImportKind kind, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        Directory.CreateDirectory(Folder);
        RemoveExpired();
        var name = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await using (var output = new FileStream(Path.Combine(Folder, name), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            await file.CopyToAsync(output, ct);
        }

        var ticket = JsonSerializer.Serialize(new Ticket(name, userId, kind));
        return _protector.Protect(ticket, time.GetUtcNow().Add(Lifetime));
    }

    /// <summary>The kept file of <paramref name="ticket"/> when it is valid, not expired and the caller's; null otherwise.</summary>
    public (string Path, ImportKind Kind)? Find(string? ticket, string userId)
    {
        if (string.IsNullOrEmpty(ticket))
        {
            return null;
        }

        try
        {
            var kept = JsonSerializer.Deserialize<Ticket>(_protector.Unprotect(ticket, out _));
            var path = kept is null ? null : Path.Combine(Folder, kept.File);
            return kept is not null && kept.UserId == userId && kept.File.All(char.IsAsciiHexDigit) && File.Exists(path) ? (path!, kept.Kind) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public static void Remove(string path) => File.Delete(path);

    private void RemoveExpired()
    {
        foreach (var file in new DirectoryInfo(Folder).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc < time.GetUtcNow().UtcDateTime - Lifetime)
            {
                file.Delete();
            }
        }
    }

    private sealed record Ticket(string File, string UserId, ImportKind Kind);
}
