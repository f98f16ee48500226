using System.CommandLine;
using System.Globalization;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Data.Gaps;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Kompetensbron.Cli.Gaps;

/// <summary>
/// <c>path --profile ID --occupation SSYK|ID | --need ID [--json]</c>: the person's skill gap for the target and the
/// learning path that closes it, with weeks and a ready-by date (decision 0014).
/// </summary>
internal static class PathCommand
{
    public static Command Build(CliConsole console)
    {
        var profile = new Option<int>("--profile") { Description = "The person's profile id.", Required = true };
        var occupation = new Option<string?>("--occupation") { Description = "Target occupation: an SSYK-4 code (e.g. 7212) or an occupation concept id." };
        var need = new Option<int?>("--need") { Description = "Target need id (an open need)." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("path", "Skill gap and learning path for a profile towards an occupation or a need.") { profile, occupation, need, json };
        command.SetAction((parseResult, ct) => CliServices.RunAsync(parseResult, console, async (services, token) =>
        {
            var (profileId, occupationId, needId) = (parseResult.GetValue(profile), parseResult.GetValue(occupation), parseResult.GetValue(need));
            if (occupationId is null == needId is null)
            {
                return console.Fail("give exactly one of --occupation and --need.");
            }

            var finder = services.GetRequiredService<LearningPathFinder>();
            var planned = needId is { } id
                ? await finder.ForNeedAsync(profileId, id, token)
                : await finder.ForOccupationAsync(profileId, occupationId!, token);
            if (planned is null)
            {
                return console.Fail($"profile {profileId} or the target does not exist (a need must be open; an occupation an SSYK-4 code or concept id).");
            }

            var taxonomy = services.GetRequiredService<TaxonomyModel>();
            string Label(string skillId) => taxonomy.FindSkill(skillId)?.Label ?? skillId;
            var path = planned.Path;
            if (parseResult.GetValue(json))
            {
                console.WriteJson(new
                {
                    planned.ProfileId,
                    Target = new { Id = planned.TargetId, Label = planned.TargetLabel },
                    Missing = path.Missing.Select(s => new { Id = s, Label = Label(s) }),
                    Steps = path.Steps.Select(s => new
                    {
                        ProgrammeId = s.Programme.Id,
                        s.Programme.Title,
                        Provider = planned.Places[s.Programme.Id].ProviderName,
                        planned.Places[s.Programme.Id].IsDistance,
                        planned.Places[s.Programme.Id].CommuteMinutes,
                        Start = s.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        End = s.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        Weeks = s.Programme.LengthWeeks,
                        Teaches = s.Teaches.Select(t => new { Id = t, Label = Label(t) }),
                    }),
                    NotTaught = path.NotTaught.Select(s => new { Id = s, Label = Label(s) }),
                    path.TotalWeeks,
                    ReadyBy = path.ReadyBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Method = path.Method.ToString(),
                });
                return 0;
            }

            console.Output.WriteLine($"Path for profile {planned.ProfileId} to {planned.TargetLabel}: {path.Missing.Count} missing skills, {path.TotalWeeks} weeks, ready by {path.ReadyBy:yyyy-MM-dd} ({path.Method}).");
            var table = new Table();
            table.AddColumn("Programme");
            table.AddColumn("Provider");
            table.AddColumn("Start");
            table.AddColumn("Weeks");
            table.AddColumn("Teaches");
            foreach (var step in path.Steps)
            {
                table.AddRow(
                    Markup.Escape($"{step.Programme.Id}: {step.Programme.Title}"),
                    Markup.Escape(planned.Places[step.Programme.Id].ProviderName),
                    step.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    step.Programme.LengthWeeks.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(string.Join(", ", step.Teaches.Select(Label))));
            }

            console.Ansi.Write(table);
            if (path.NotTaught.Count > 0)
            {
                console.Output.WriteLine("No programme in reach teaches: " + string.Join(", ", path.NotTaught.Select(Label)));
            }

            return 0;
        }, ct));
        return command;
    }
}
