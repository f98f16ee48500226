namespace Kompetensbron.Web.Hosting;

/// <summary>Configuration section <c>Demo</c>: whether to load the fictional demo region on first start.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Seed { get; set; } = true;

    public int SeedValue { get; set; } = 2026;
}
