using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Core.Programmes;
using Kompetensbron.Core.Workforce;

namespace Kompetensbron.Core.Demo;

/// <summary>A generated need and the site it is at (ids are assigned when the region is stored).</summary>
public sealed record DemoNeed(Need Need, Site Site);

/// <summary>A generated programme and the site it is given at (null for distance-only).</summary>
public sealed record DemoProgramme(Programme Programme, Site? Site);

/// <summary>A generated employer with its needs and workforce age structure.</summary>
public sealed record DemoEmployer(Organisation Organisation, IReadOnlyList<DemoNeed> Needs, IReadOnlyList<WorkforceCohort> Cohorts);

/// <summary>A generated education provider with its programmes.</summary>
public sealed record DemoProvider(Organisation Organisation, IReadOnlyList<DemoProgramme> Programmes);

/// <summary>
/// The fictional demo region: plain objects without database ids; links between them are object references
/// (need → site, programme → site) so a store can assign ids in its own order.
/// </summary>
public sealed record DemoRegion(
    IReadOnlyList<DemoEmployer> Employers,
    IReadOnlyList<DemoProvider> Providers,
    IReadOnlyList<Profile> Profiles)
{
    public IEnumerable<Organisation> Organisations =>
        Employers.Select(e => e.Organisation).Concat(Providers.Select(p => p.Organisation));

    public IEnumerable<Need> Needs => Employers.SelectMany(e => e.Needs).Select(n => n.Need);

    public IEnumerable<Programme> Programmes => Providers.SelectMany(p => p.Programmes).Select(p => p.Programme);

    public IEnumerable<WorkforceCohort> Cohorts => Employers.SelectMany(e => e.Cohorts);
}
