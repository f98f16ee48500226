using System.Globalization;
using Kompetensbron.Data.Placement;

namespace Kompetensbron.Web.Placement;

/// <summary>A problem in an uploaded applicant file: the row (1 = the header), the column and what is wrong.</summary>
public sealed record PlacementCsvError(int Row, string Column, PlacementCsvProblem Problem, string Value);

public enum PlacementCsvProblem
{
    /// <summary>The first row is not the expected header.</summary>
    Header,
    NameMissing,
    BirthDateInvalid,
    WishNotAPlace,
    NoRows,
}

/// <summary>
/// Reads students with ranked wishes from CSV (UTF-8, separated by semicolons or commas). The first row is the header
/// <c>namn;skola;födelsedatum;önskemål 1;önskemål 2;…</c>: name (required), school, birth date (yyyy-MM-dd, may be empty)
/// and any number of wish columns, each the number of a place in the round (the need's id), best first.
/// All or nothing: any error rejects the file.
/// </summary>
public static class PlacementCsv
{
    public static readonly string[] Header = ["namn", "skola", "födelsedatum"];

    public static (IReadOnlyList<RoundApplicant> Applicants, IReadOnlyList<PlacementCsvError> Errors) Read(TextReader reader, IReadOnlySet<int> placeIds)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(placeIds);
        var errors = new List<PlacementCsvError>();
        var applicants = new List<RoundApplicant>();
        var header = reader.ReadLine();
        var separator = header is not null && header.Contains(';', StringComparison.Ordinal) ? ';' : ',';
        var columns = header?.TrimStart('\uFEFF').Split(separator).Select(c => c.Trim().ToLowerInvariant()).ToArray() ?? [];
        if (columns.Length < Header.Length || !columns.Take(Header.Length).SequenceEqual(Header, StringComparer.Ordinal))
        {
            errors.Add(new(1, "", PlacementCsvProblem.Header, header ?? ""));
            return ([], errors);
        }

        var row = 1;
        while (reader.ReadLine() is { } line)
        {
            row++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var cells = line.Split(separator).Select(c => c.Trim().Trim('"')).ToArray();
            var name = cells[0];
            if (name.Length == 0)
            {
                errors.Add(new(row, columns[0], PlacementCsvProblem.NameMissing, ""));
            }

            DateOnly? born = null;
            var birth = cells.ElementAtOrDefault(2) ?? "";
            if (birth.Length > 0)
            {
                if (DateOnly.TryParseExact(birth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    born = date;
                }
                else
                {
                    errors.Add(new(row, columns[2], PlacementCsvProblem.BirthDateInvalid, birth));
                }
            }

            var wishes = new List<int>();
            for (var c = Header.Length; c < cells.Length; c++)
            {
                if (cells[c].Length == 0)
                {
                    continue;
                }

                if (int.TryParse(cells[c], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && placeIds.Contains(id))
                {
                    wishes.Add(id);
                }
                else
                {
                    errors.Add(new(row, c < columns.Length ? columns[c] : $"#{c + 1}", PlacementCsvProblem.WishNotAPlace, cells[c]));
                }
            }

            applicants.Add(new RoundApplicant { Name = name, School = cells.ElementAtOrDefault(1) ?? "", BirthDate = born, Wishes = wishes });
        }

        if (applicants.Count == 0 && errors.Count == 0)
        {
            errors.Add(new(row, "", PlacementCsvProblem.NoRows, ""));
        }

        return errors.Count > 0 ? ([], errors) : (applicants, errors);
    }
}
