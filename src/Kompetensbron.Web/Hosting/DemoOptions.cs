using Kompetensbron.Core.Demo;

namespace Kompetensbron.Web.Hosting;

/// <summary>Configuration section <c>Demo</c>: whether to load the fictional demo region on first start.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Seed { get; set; } = true;

    /// <summary>The generator seed; the same as the CLI's <c>seed demo</c> default, so both load the same region.</summary>
    public int SeedValue { get; set; } = DemoRegionGenerator.DefaultSeed;
}
