using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Core.Text;
using Kompetensbron.Data.Gaps;

namespace Kompetensbron.Web.Persons;

/// <summary>The services of the person's journey: profile steps, learning path and career explorer.</summary>
public static class PersonJourneySetup
{
    public static IServiceCollection AddPersonJourney(this IServiceCollection services)
    {
        services.AddScoped<ProfileEditor>();
        services.AddScoped<LearningPathFinder>();
        services.AddScoped<CareerExplorer>();
        return services;
    }
}
