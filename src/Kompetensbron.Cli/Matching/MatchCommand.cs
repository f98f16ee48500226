using System.CommandLine;
using System.Globalization;
using Kompetensbron.Core.Matching;
using Kompetensbron.Data;
using Kompetensbron.Data.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Kompetensbron.Cli.Matching;

/// <summary>
/// <c>match --profile ID | --need ID [--top K] [--why ID] [--json]</c>: ranked, explained matches from the database;
/// with <c>--why</c>, the one pair explained even when it is not shown (and why).
/// </summary>
internal static class MatchCommand
{
    public static Command Build(CliConsole console)
    {
        var profile = new Option<int?>("--profile") { Description = "Rank open needs for this profile (the person's view)." };
        var need = new Option<int?>("--need") { Description = "Rank visible profiles for this need (the employer's view)." };
        var top = new Option<int>("--top") { Description = "How many matches.", DefaultValueFactory = _ => 10 };
        var why = new Option<int?>("--why") { Description = "Explain one pair instead: the need (with --profile) or the profile (with --need), ranked or not." };
        var json = new Option<bool>("--json") { Description = "Print JSON: score, components and the explanation sentences in Swedish and English." };
        var command = new Command("match", "Explained matches between needs and profiles.") { profile, need, top, why, json };
        command.SetAction((parseResult, ct) => CliServices.RunAsync(parseResult, console, async (services, token) =>
        {
            var (profileId, needId, k) = (parseResult.GetValue(profile), parseResult.GetValue(need), parseResult.GetValue(top));
            if (profileId.HasValue == needId.HasValue)
            {
                return console.Fail("give exactly one of --profile and --need.");
            }

            if (k < 1)
            {
                return console.Fail("--top must be at least 1.");
            }

            var matching = services.GetRequiredService<MatchService>();
            var index = await matching.EnsureLoadedAsync(token);
            if (profileId is { } p ? !index.ContainsProfile(p) : !index.ContainsNeed(needId!.Value))
            {
                return console.Fail(profileId is { } missing
                    ? $"profile {missing} does not exist."
                    : $"need {needId} is not open for matching (missing, not open, its employer not approved, or without a place).");
            }

            IReadOnlyList<ExplainedMatch> matches;
            if (parseResult.GetValue(why) is { } other)
            {
                var pair = profileId is { } person
                    ? await matching.ExplainAsync(other, person, MatchPerspective.Person, token)
                    : await matching.ExplainAsync(needId!.Value, other, MatchPerspective.Employer, token);
                if (pair is null)
                {
                    return console.Fail(profileId.HasValue ? $"need {other} is not open for matching." : $"profile {other} does not exist.");
                }

                matches = [pair];
            }
            else
            {
                matches = profileId is { } person
                    ? await matching.NeedsForProfileAsync(person, NeedFilter.None, k, token)
                    : await matching.ProfilesForNeedAsync(needId!.Value, k, token);
            }

            var titles = await NeedTitles(services, matches, token);
            if (parseResult.GetValue(json))
            {
                console.WriteJson(matches.Select((m, i) => MatchJson.From(i + 1, m, titles.GetValueOrDefault(m.Match.NeedId))).ToList());
                return 0;
            }

            if (matches.Count == 0)
            {
                console.Output.WriteLine("No matches.");
                return 0;
            }

            var table = new Table();
            table.AddColumn("#");
            table.AddColumn(profileId.HasValue ? "Need" : "Profile");
            table.AddColumn("Score");
            table.AddColumn("Förklaring");
            var rank = 0;
            foreach (var m in matches)
            {
                var who = profileId.HasValue
                    ? $"{m.Match.NeedId}: {titles.GetValueOrDefault(m.Match.NeedId)}"
                    : m.Match.ProfileId.ToString(CultureInfo.InvariantCulture);
                table.AddRow(
                    (++rank).ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(who),
                    m.Explanation.Score.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(string.Join(" ", m.SentencesSv)));
            }

            console.Ansi.Write(table);
            return 0;
        }, ct));
        return command;
    }

    private static async Task<Dictionary<int, string>> NeedTitles(IServiceProvider services, IReadOnlyList<ExplainedMatch> matches, CancellationToken ct)
    {
        var ids = matches.Select(m => m.Match.NeedId).Distinct().ToList();
        var db = services.GetRequiredService<KompetensbronDbContext>();
        return await db.Needs.AsNoTracking().Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Title, ct);
    }
}
