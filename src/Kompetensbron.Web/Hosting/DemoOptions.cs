using Kompetensbron.Core.Demo;

namespace Kompetensbron.Web.Hosting;

/// <summary>Configuration section <c>Demo</c>: whether to load the fictional demo region on first start.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>
    /// <c>true</c> loads the demo region, <c>false</c> never; unset loads it only in Development (the README's run).
    /// Anywhere else it must be asked for (<c>--Demo:Seed=true</c> or <c>Demo__Seed=true</c>): its passwords are public.
    /// </summary>
    public bool? Seed { get; set; }

    /// <summary>The generator seed; the same as the CLI's <c>seed demo</c> default, so both load the same region.</summary>
    public int SeedValue { get; set; } = DemoRegionGenerator.DefaultSeed;

    public bool SeedsIn(IHostEnvironment environment) => Seed ?? environment.IsDevelopment();
}
