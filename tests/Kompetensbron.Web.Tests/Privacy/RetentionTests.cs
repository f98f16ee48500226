using Kompetensbron.Data;
using Kompetensbron.Data.Privacy;
using Kompetensbron.Web.Privacy;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kompetensbron.Web.Tests.Privacy;

/// <summary>
/// On an app of its own: the fake clock runs years ahead, where every account of the other tests would be inactive.
/// Tests here look only at their own person, as the others' people are inactive at these times too.
/// </summary>
public sealed class RetentionTests(EmptyWebFactory factory) : IClassFixture<EmptyWebFactory>
{
    private static readonly DateTimeOffset LastSeen = new(2031, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_inactive_person_is_warned_30_days_before_and_removed_after_24_months_never_twice_and_never_unwarned()
    {
        var person = await PersonLastSeenAsync(LastSeen);
        var clock = new FakeTimeProvider(LastSeen.AddMonths(24).AddDays(-31));

        // 31 days before the end: too early to warn.
        await PassAsync(clock);
        Assert.Empty(MailsTo(person.Email));

        // 29 days before: warned once, with the removal date (30 days after the warning), in Swedish and English.
        clock.Advance(TimeSpan.FromDays(2));
        Assert.True((await PassAsync(clock)).Warned >= 1);
        await PassAsync(clock);
        var mail = Assert.Single(MailsTo(person.Email));
        Assert.Contains("Subject: =?utf-8?B?", mail, StringComparison.Ordinal);
        Assert.Contains("2 mars 2033", mail, StringComparison.Ordinal);
        Assert.Contains("2 March 2033", mail, StringComparison.Ordinal);

        // The end of the 24 months, but the warning is only 29 days old: not yet.
        clock.Advance(TimeSpan.FromDays(29));
        await PassAsync(clock);
        Assert.True(await ExistsAsync(person));

        // 30 days after the warning: removed, with an anonymous audit line.
        clock.Advance(TimeSpan.FromDays(1));
        Assert.True((await PassAsync(clock)).Removed >= 1);
        Assert.False(await ExistsAsync(person));
        // The warning waiting in the outbox is the person's data too: it goes with the account.
        Assert.Empty(MailsTo(person.Email));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.SubjectUserId == person.UserId || e.SubjectProfileId == person.ProfileId));
        var purge = await db.AuditEntries.Where(e => e.Action == AuditAction.AccountPurged).OrderByDescending(e => e.Id).FirstAsync();
        Assert.Null(purge.ActorUserId);
        Assert.StartsWith(AuditEntry.ErasedPrefix, purge.SubjectUserId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_who_is_already_past_the_period_is_warned_first_and_removed_30_days_later()
    {
        var person = await PersonLastSeenAsync(LastSeen.AddYears(-3));
        var clock = new FakeTimeProvider(LastSeen.AddMonths(1));

        await PassAsync(clock);
        Assert.Single(MailsTo(person.Email));
        Assert.True(await ExistsAsync(person));
        clock.Advance(TimeSpan.FromDays(30));
        await PassAsync(clock);
        Assert.False(await ExistsAsync(person));
    }

    [Fact]
    public async Task Logging_in_after_the_warning_keeps_the_account()
    {
        var person = await PersonLastSeenAsync(LastSeen.AddDays(10));
        var clock = new FakeTimeProvider(LastSeen.AddDays(10).AddMonths(24).AddDays(-10));
        await PassAsync(clock);
        Assert.Single(MailsTo(person.Email));

        using (await factory.Browser().LoginAsync(person.Email, TestAccounts.Password))
        {
        }

        // Login time is real time (long before the fake clock); move the account's activity to the fake "now".
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            var user = await db.Users.SingleAsync(u => u.Id == person.UserId);
            Assert.NotNull(user.LastActiveAt);
            Assert.Null(user.RetentionWarningSentAt);
            user.LastActiveAt = clock.GetUtcNow();
            await db.SaveChangesAsync();
        }

        clock.Advance(TimeSpan.FromDays(60));
        await PassAsync(clock);
        Assert.True(await ExistsAsync(person));
        Assert.Single(MailsTo(person.Email));
    }

    [Fact]
    public void The_defaults_are_24_months_and_30_days()
    {
        var options = factory.Services.GetRequiredService<IOptions<RetentionOptions>>().Value;
        Assert.Equal(24, options.InactiveMonths);
        Assert.Equal(30, options.WarningDays);
    }

    private async Task<RetentionPass> PassAsync(TimeProvider clock)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var retention = ActivatorUtilities.CreateInstance<ProfileRetention>(scope.ServiceProvider, clock);
        return await retention.RunAsync(CancellationToken.None);
    }

    private async Task<TestPerson> PersonLastSeenAsync(DateTimeOffset lastSeen)
    {
        var person = await TestAccounts.CreatePersonAsync(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        var user = await db.Users.SingleAsync(u => u.Id == person.UserId);
        user.CreatedAt = lastSeen.AddYears(-1);
        user.LastActiveAt = lastSeen;
        var profile = await db.Profiles.SingleAsync(p => p.Id == person.ProfileId);
        profile.UpdatedAt = lastSeen.AddDays(-5);
        await db.SaveChangesAsync();
        return person;
    }

    private async Task<bool> ExistsAsync(TestPerson person)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
        return await db.Users.AnyAsync(u => u.Id == person.UserId) && await db.Profiles.AnyAsync(p => p.Id == person.ProfileId);
    }

    private List<string> MailsTo(string email) =>
        Directory.Exists(factory.OutboxFolder)
            ? Directory.EnumerateFiles(factory.OutboxFolder, "*.eml").Select(File.ReadAllText).Where(m => m.Contains($"To: {email}", StringComparison.Ordinal)).ToList()
            : [];
}
