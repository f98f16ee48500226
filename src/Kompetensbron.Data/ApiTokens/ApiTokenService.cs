using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Data.ApiTokens;

/// <summary>The organisation a valid token acts for.</summary>
public sealed record ApiTokenIdentity(int TokenId, int OrganisationId, string Name);

/// <summary>A new token: the stored row and the secret, which is shown once and never again.</summary>
public sealed record CreatedApiToken(ApiToken Token, string Secret);

/// <summary>Creates, lists, revokes and checks API tokens (docs/decisions/0019-api-design.md).</summary>
public sealed class ApiTokenService(KompetensbronDbContext db, TimeProvider time)
{
    /// <summary>Every token starts with this, so a leaked one is easy to recognise (secret scanners, logs).</summary>
    public const string Marker = "kbt_";

    /// <summary>How much of the token is kept in clear to tell tokens apart.</summary>
    public const int PrefixLength = 12;

    /// <summary>The last-used time is written at most this often per token, not on every call.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<CreatedApiToken> CreateAsync(int organisationId, string name, string? createdByUserId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var secret = Marker + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            OrganisationId = organisationId,
            Name = name.Trim(),
            Prefix = secret[..PrefixLength],
            Hash = HashOf(secret),
            CreatedByUserId = createdByUserId,
            CreatedAt = time.GetUtcNow(),
        };
        db.Set<ApiToken>().Add(token);
        await db.SaveChangesAsync(ct);
        return new CreatedApiToken(token, secret);
    }

    /// <summary>The organisation's tokens, newest first, revoked ones included (they show when they were revoked).</summary>
    public async Task<IReadOnlyList<ApiToken>> ForOrganisationAsync(int organisationId, CancellationToken ct = default) =>
        (await db.Set<ApiToken>().AsNoTracking().Where(t => t.OrganisationId == organisationId).ToListAsync(ct))
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).ToList();

    /// <summary>Revokes the organisation's token; false when it has no such token.</summary>
    public async Task<bool> RevokeAsync(int organisationId, int tokenId, CancellationToken ct = default)
    {
        var token = await db.Set<ApiToken>().FirstOrDefaultAsync(t => t.Id == tokenId && t.OrganisationId == organisationId, ct);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// The identity behind a presented token: null when it is unknown, revoked, or its organisation is not (or no
    /// longer) approved. Records when the token was last used.
    /// </summary>
    public async Task<ApiTokenIdentity?> AuthenticateAsync(string presented, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(presented) || !presented.StartsWith(Marker, StringComparison.Ordinal) || presented.Length > 200)
        {
            return null;
        }

        var hash = HashOf(presented);
        var found = await db.Set<ApiToken>().AsNoTracking()
            .Where(t => t.Hash == hash && t.RevokedAt == null)
            .Join(db.Organisations.Where(o => o.IsApproved), t => t.OrganisationId, o => o.Id, (t, o) => new { t.Id, t.OrganisationId, t.Name, t.LastUsedAt })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (found.LastUsedAt is not { } last || now - last >= LastUsedResolution)
        {
            await db.Set<ApiToken>().Where(t => t.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        }

        return new ApiTokenIdentity(found.Id, found.OrganisationId, found.Name);
    }

    public static string HashOf(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
