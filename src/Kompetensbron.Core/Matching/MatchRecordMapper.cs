using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Profiles;

namespace Kompetensbron.Core.Matching;

/// <summary>Maps domain objects to the matching engine's records (by hand, one place).</summary>
public static class MatchRecordMapper
{
    /// <summary>The need at its site; the site gives the place the commute is measured to.</summary>
    public static MatchNeed ToMatchNeed(Need need, Site site)
    {
        ArgumentNullException.ThrowIfNull(need);
        ArgumentNullException.ThrowIfNull(site);
        return new MatchNeed(
            need.Id,
            need.Kind,
            need.OccupationId,
            site.MunicipalityCode,
            new GeoPoint(site.Latitude, site.Longitude),
            need.Skills.Select(s => new MatchNeedSkill(s.SkillId, s.IsRequired, s.Importance)).ToArray(),
            need.Licences.ToArray(),
            need.MinimumSwedishLevel,
            need.StartDate);
    }

    /// <summary>
    /// The person as the engine sees them. <paramref name="swedishLanguageId"/> is the taxonomy's concept id for
    /// Swedish (<see cref="MatchModel.SwedishLanguageId"/>). Gender and target group are not copied.
    /// </summary>
    public static MatchProfile ToMatchProfile(Profile profile, string swedishLanguageId)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var swedish = profile.Languages.FirstOrDefault(l => string.Equals(l.LanguageId, swedishLanguageId, StringComparison.Ordinal));
        return new MatchProfile(
            profile.Id,
            profile.Skills.Select(s => new MatchProfileSkill(s.SkillId, s.Level)).ToArray(),
            profile.Occupations.Select(o => new MatchExperience(o.OccupationId, o.Years)).ToArray(),
            swedish?.Level,
            profile.Licences.ToArray(),
            profile.MunicipalityCode,
            new GeoPoint(profile.Latitude, profile.Longitude),
            profile.MaxCommuteMinutes,
            profile.CommuteMode,
            profile.AvailableFrom,
            profile.Visibility.IsSeenByApprovedOrganisations());
    }
}
