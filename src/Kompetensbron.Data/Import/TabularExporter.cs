using Kompetensbron.Core.Import.Tabular;
using Microsoft.EntityFrameworkCore;

namespace Kompetensbron.Data.Import;

/// <summary>
/// Exports profiles, needs, programmes or workforce cohorts as CSV or Excel with the import template's columns, so
/// an export can be edited and imported again. Profiles leave out gender and target group unless asked, and never
/// hold contact details or account links.
/// </summary>
public sealed class TabularExporter(KompetensbronDbContext db, TabularVocabulary vocabulary)
{
    /// <summary>Writes the file and returns the number of rows.</summary>
    public async Task<int> ExportAsync(
        TabularEntity entity, TabularFormat format, Stream output, bool includeSensitive = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var numbers = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.OrganisationNumber, cancellationToken);
        var municipalities = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.MunicipalityCode, cancellationToken);
        string? Municipality(int? siteId) => siteId is { } id ? municipalities.GetValueOrDefault(id) : null;

        var template = TabularTemplate.For(entity);
        var rows = entity switch
        {
            TabularEntity.Needs => (await db.Needs.AsNoTracking().OrderBy(n => n.Id).ToListAsync(cancellationToken))
                .Select(n => NeedTemplate.Instance.Format(new NeedRecord(n.Id, numbers[n.OrganisationId], Municipality(n.SiteId), n), vocabulary)).ToList(),
            TabularEntity.Profiles => (await db.Profiles.AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancellationToken))
                .Select(p => ProfileTemplate.Instance.Format(new ProfileRecord(p.Id, p), vocabulary)).ToList(),
            TabularEntity.Programmes => (await db.Programmes.AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancellationToken))
                .Select(p => ProgrammeTemplate.Instance.Format(new ProgrammeRecord(p.Id, numbers[p.ProviderId], Municipality(p.SiteId), p), vocabulary)).ToList(),
            _ => (await db.WorkforceCohorts.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken))
                .Select(c => CohortTemplate.Instance.Format(new CohortRecord(c.Id, numbers[c.OrganisationId], c), vocabulary)).ToList(),
        };
        TabularWriter.Write(output, format, template.ExportColumns(includeSensitive), rows);
        return rows.Count;
    }
}
