using System.ComponentModel.DataAnnotations;

namespace Kompetensbron.Web.Privacy;

/// <summary>Configuration section <c>Retention</c>: when inactive person accounts are removed.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Months without a login or change after which a person's account and profile are removed.</summary>
    [Range(1, 120)]
    public int InactiveMonths { get; set; } = 24;

    /// <summary>Days before removal that the person is warned by e-mail (removal waits at least this long after the warning).</summary>
    [Range(1, 365)]
    public int WarningDays { get; set; } = 30;

    /// <summary>How often the background job looks.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Off turns the background job off (the CLI or a test may still run a pass).</summary>
    public bool Enabled { get; set; } = true;
}
