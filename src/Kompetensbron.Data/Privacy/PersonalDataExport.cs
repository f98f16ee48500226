using System.Text.Json;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Placement;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.ApiTokens;
using Kompetensbron.Data.Invitations;
using Kompetensbron.Data.Placement;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Data.Privacy;

/// <summary>Everything stored about a person (GDPR access and portability), as plain data ready for JSON.</summary>
public sealed record PersonalData(
    DateTimeOffset ExportedAt,
    PersonalData.AccountData Account,
    Profile? Profile,
    IReadOnlyList<PersonalData.AuditData> AuditEntries,
    IReadOnlyList<PersonalData.InvitationData> Invitations,
    IReadOnlyList<PersonalData.PlacementData> Placements,
    IReadOnlyList<PersonalData.SignInData> SignIns,
    IReadOnlyList<PersonalData.CreatedRoundData> PlacementRoundsCreated,
    IReadOnlyList<PersonalData.CreatedTokenData> ApiTokensCreated,
    IReadOnlyList<PersonalData.MessageData> Messages)
{
    public sealed record AccountData(
        string Id, string? Email, string? DisplayName, IReadOnlyList<string> Roles, int? OrganisationId,
        DateTimeOffset CreatedAt, DateTimeOffset? LastActiveAt, DateTimeOffset? RetentionWarningSentAt);

    /// <summary>An audit line about the person or by them; other people's ids are left out.</summary>
    public sealed record AuditData(DateTimeOffset At, AuditAction Action, bool BySelf, int? ActorOrganisationId);

    /// <summary>An employer's invitation to the person, as their inbox shows it.</summary>
    public sealed record InvitationData(
        string Need, string Employer, InvitationStatus Status, DateTimeOffset InvitedAt, DateTimeOffset? AnsweredAt);

    /// <summary>
    /// The person as an applicant in a placement round: the row (name, school, birth date, wished needs) and, per
    /// algorithm of the latest run, the snapshot of them as run (home, commute, licences, gender, wishes), their
    /// match scores, their outcome and any blocking pair naming them.
    /// </summary>
    public sealed record PlacementData(
        string Round, NeedKind Kind, PlacementRoundStatus Status, DateTimeOffset? PublishedAt,
        string Name, string School, DateOnly? BirthDate, IReadOnlyList<int> WishedNeedIds, IReadOnlyList<PlacementRunData> Runs);

    /// <summary>One algorithm's run, as far as it concerns the person.</summary>
    public sealed record PlacementRunData(
        PlacementAlgorithm Algorithm, DateTimeOffset RunAt, PlacementApplicant? AsRun, IReadOnlyList<PlacementScore> Scores,
        ApplicantOutcome? Outcome, IReadOnlyList<BlockingPair> BlockingPairs);

    /// <summary>A claim or an external login stored with the account (ASP.NET Identity).</summary>
    public sealed record SignInData(string Kind, string Name, string? Value);

    /// <summary>A placement round the account created (for the organisation).</summary>
    public sealed record CreatedRoundData(int Id, string Name, DateTimeOffset CreatedAt);

    /// <summary>An API token the account created (never the secret, which is not stored).</summary>
    public sealed record CreatedTokenData(string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    /// <summary>An e-mail to the person waiting in the outbox.</summary>
    public sealed record MessageData(DateTimeOffset? At, string Subject);
}

/// <summary>Messages kept for a person outside the database (the e-mail outbox): exported with their data, deleted with their account.</summary>
public interface IPersonalMessages
{
    IReadOnlyList<PersonalData.MessageData> MessagesTo(string email);

    /// <summary>Deletes every message to the address; returns how many.</summary>
    int DeleteMessagesTo(string email);
}

/// <summary>Collects a person's data for "download my data" and records that it was exported.</summary>
public sealed class PersonalDataExport(
    KompetensbronDbContext db, UserManager<KompetensbronUser> users, AuditLog audit, TimeProvider time, IEnumerable<IPersonalMessages> messages)
{
    /// <summary>
    /// Every table that refers to an account or a profile (a foreign key, or a column holding a user or profile id)
    /// and where the export holds it, or why it does not. A test fails when a table refers to a person and is not
    /// listed here, so a new table cannot be forgotten.
    /// </summary>
    public static IReadOnlyDictionary<Type, string> Coverage { get; } = new Dictionary<Type, string>
    {
        [typeof(KompetensbronUser)] = nameof(PersonalData.Account),
        [typeof(IdentityUserRole<string>)] = nameof(PersonalData.Account),
        [typeof(IdentityUserClaim<string>)] = nameof(PersonalData.SignIns),
        [typeof(IdentityUserLogin<string>)] = nameof(PersonalData.SignIns),
        [typeof(IdentityUserToken<string>)] = "not exported: secrets for signing in (authenticator key, recovery codes), never put in a file",
        [typeof(Profile)] = nameof(PersonalData.Profile),
        [typeof(ProfileSkill)] = nameof(PersonalData.Profile),
        [typeof(ProfileOccupation)] = nameof(PersonalData.Profile),
        [typeof(ProfileLanguage)] = nameof(PersonalData.Profile),
        [typeof(AuditEntry)] = nameof(PersonalData.AuditEntries),
        [typeof(Invitation)] = nameof(PersonalData.Invitations),
        [typeof(RoundApplicant)] = nameof(PersonalData.Placements),
        [typeof(RoundResult)] = nameof(PersonalData.Placements),
        [typeof(StoredPlacementRound)] = nameof(PersonalData.PlacementRoundsCreated),
        [typeof(ApiToken)] = nameof(PersonalData.ApiTokensCreated),
    };

    public async Task<PersonalData?> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return null;
        }

        // Skills, occupations and languages are auto-included with the profile.
        var profile = await db.Profiles.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        await audit.RecordAsync(AuditAction.ProfileExported, user, userId, profile?.Id, cancellationToken);

        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectUserId == userId || e.ActorUserId == userId || (profile != null && e.SubjectProfileId == profile.Id))
            .OrderBy(e => e.At)
            .ToListAsync(cancellationToken);

        return new PersonalData(
            time.GetUtcNow(),
            new PersonalData.AccountData(
                user.Id, user.Email, user.DisplayName, (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList(), user.OrganisationId,
                user.CreatedAt, user.LastActiveAt, user.RetentionWarningSentAt),
            profile,
            entries.Select(e => new PersonalData.AuditData(e.At, e.Action, e.ActorUserId == userId, e.ActorOrganisationId)).ToList(),
            profile is null ? []
                : (await new InvitationService(db, time).InboxAsync(profile.Id, cancellationToken))
                    .Select(i => new PersonalData.InvitationData(i.NeedTitle, i.OrganisationName, i.Invitation.Status, i.Invitation.CreatedAt, i.Invitation.AnsweredAt))
                    .ToList(),
            profile is null ? [] : await PlacementsAsync(profile.Id, cancellationToken),
            await SignInsAsync(userId, cancellationToken),
            await db.Set<StoredPlacementRound>().AsNoTracking().Where(r => r.CreatedByUserId == userId).OrderBy(r => r.Id)
                .Select(r => new PersonalData.CreatedRoundData(r.Id, r.Name, r.CreatedAt)).ToListAsync(cancellationToken),
            (await db.Set<ApiToken>().AsNoTracking().Where(t => t.CreatedByUserId == userId).OrderBy(t => t.Id).ToListAsync(cancellationToken))
                .Select(t => new PersonalData.CreatedTokenData(t.Name, t.Prefix, t.CreatedAt, t.RevokedAt)).ToList(),
            string.IsNullOrEmpty(user.Email) ? [] : [.. messages.SelectMany(m => m.MessagesTo(user.Email))]);
    }

    private async Task<List<PersonalData.PlacementData>> PlacementsAsync(int profileId, CancellationToken ct)
    {
        var rows = await (from a in db.Set<RoundApplicant>().AsNoTracking()
                          where a.ProfileId == profileId
                          join r in db.Set<StoredPlacementRound>().AsNoTracking() on a.RoundId equals r.Id
                          orderby r.Id, a.Id
                          select new { Applicant = a, Round = r }).ToListAsync(ct);
        var roundIds = rows.Select(r => r.Round.Id).Distinct().ToList();
        var results = await db.Set<RoundResult>().AsNoTracking().Where(r => roundIds.Contains(r.RoundId)).ToListAsync(ct);
        return [.. rows.Select(row =>
        {
            var key = PlacementRounds.ApplicantKey(row.Applicant.Id);
            var runs = results.Where(r => r.RoundId == row.Round.Id).OrderBy(r => r.Algorithm).Select(stored =>
            {
                var asRun = JsonSerializer.Deserialize<PlacementRound>(stored.RoundJson, PlacementRoundJson.Options)!;
                var result = PlacementRounds.ReadResult(stored);
                return new PersonalData.PlacementRunData(
                    stored.Algorithm, stored.RunAt,
                    asRun.Applicants.FirstOrDefault(a => a.Id == key),
                    [.. asRun.Scores.Where(s => s.ApplicantId == key)],
                    result.Applicants.FirstOrDefault(a => a.ApplicantId == key),
                    [.. result.BlockingPairSample.Where(b => b.ApplicantId == key)]);
            }).ToList();
            return new PersonalData.PlacementData(
                row.Round.Name, row.Round.Kind, row.Round.Status, row.Round.PublishedAt,
                row.Applicant.Name, row.Applicant.School, row.Applicant.BirthDate, row.Applicant.Wishes, runs);
        })];
    }

    private async Task<List<PersonalData.SignInData>> SignInsAsync(string userId, CancellationToken ct)
    {
        var claims = await db.UserClaims.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.Id)
            .Select(c => new PersonalData.SignInData("Claim", c.ClaimType ?? "", c.ClaimValue)).ToListAsync(ct);
        var logins = await db.UserLogins.AsNoTracking().Where(l => l.UserId == userId)
            .Select(l => new PersonalData.SignInData("ExternalLogin", l.LoginProvider, l.ProviderDisplayName)).ToListAsync(ct);
        return [.. claims, .. logins];
    }
}
