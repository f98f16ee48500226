using System.Net;
using System.Text.Json;
using Kompetensbron.Core.Needs;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Matching;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Performance;

/// <summary>The match API reuses its answer for a need only while the match index is unchanged.</summary>
[Collection(WebApp.Name)]
public sealed class MatchAnswerCacheTests(KompetensbronWebFactory factory)
{
    [Fact]
    public async Task A_repeated_request_is_served_again_but_a_changed_need_is_never_answered_from_the_old_list()
    {
        using var client = factory.Browser();
        var (email, _) = await TestAccounts.CreateAsync(factory, Roles.Coordinator);
        (await client.LoginAsync(email, TestAccounts.Password)).Dispose();
        var matching = factory.Services.GetRequiredService<MatchService>();
        int needId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            var open = await db.Needs.Where(n => n.Status == NeedStatus.Open).Select(n => n.Id).ToListAsync();
            needId = open.First(id => matching.ProfilesForNeedAsync(id, 1).Result.Count > 0);
        }

        var first = await Matches(client, needId);
        var second = await Matches(client, needId);
        Assert.NotEmpty(first);
        Assert.Equal(first, second);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>();
            var need = await db.Needs.SingleAsync(n => n.Id == needId);
            need.Status = NeedStatus.Filled;
            await db.SaveChangesAsync();
        }

        await matching.RefreshNeedAsync(needId);

        Assert.Empty(await Matches(client, needId));
    }

    private static async Task<List<int>> Matches(HttpClient client, int needId)
    {
        using var response = await client.GetAsync(new Uri($"/api/v1/needs/{needId}/matches", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("profileId").GetInt32()).ToList();
    }
}
