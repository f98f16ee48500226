using System.CommandLine;
using Kompetensbron.Core.Taxonomy;
using Spectre.Console;

namespace Kompetensbron.Cli.Taxonomy;

/// <summary><c>taxonomy search</c>: look up JobTech skills and occupations by Swedish label.</summary>
internal static class TaxonomyCommand
{
    public static Command Build(CliConsole console)
    {
        var text = new Argument<string>("text") { Description = "Words to look for, e.g. \"tig\" or \"cnc op\"." };
        var kind = new Option<string>("--kind")
        {
            Description = "skill (default) or occupation.",
            DefaultValueFactory = _ => "skill",
        };
        kind.AcceptOnlyFromAmong("skill", "occupation");
        var limit = new Option<int>("--limit") { Description = "Maximum number of hits.", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };

        var search = new Command("search", "Search skills or occupations in Swedish (forgives case, diacritics, word order; matches prefixes and parts of compounds).")
        {
            text, kind, limit, json,
        };
        search.SetAction(parseResult =>
        {
            var query = parseResult.GetRequiredValue(text);
            var taxonomyKind = parseResult.GetValue(kind) == "occupation" ? TaxonomyKind.Occupation : TaxonomyKind.Skill;
            var max = parseResult.GetValue(limit);
            if (max < 1)
            {
                return console.Fail("--limit must be at least 1.");
            }

            var taxonomy = TaxonomyModel.LoadEmbedded();
            var hits = taxonomy.Search(query, taxonomyKind, max);
            if (parseResult.GetValue(json))
            {
                console.WriteJson(hits.Select(h => new { id = h.Id, label = h.Label, kind = h.Kind, score = h.Score }));
                return 0;
            }

            if (hits.Count == 0)
            {
                console.Output.WriteLine($"No {parseResult.GetValue(kind)} matches \"{query}\".");
                return 0;
            }

            var table = new Table().AddColumn("Id").AddColumn("Label").AddColumn(new TableColumn("Score").RightAligned());
            foreach (var hit in hits)
            {
                table.AddRow(Markup.Escape(hit.Id), Markup.Escape(hit.Label), hit.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
            }

            console.Ansi.Write(table);
            return 0;
        });

        var taxonomyCommand = new Command("taxonomy", "JobTech Taxonomy (skills, occupations) shipped with Kompetensbron.");
        taxonomyCommand.Subcommands.Add(search);
        return taxonomyCommand;
    }
}
