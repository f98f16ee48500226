namespace Kompetensbron.Core.Matching;

/// <summary>
/// The score's integer point formulas, in one place (docs/decisions/0006-matching-score.md). Every component is a
/// whole number, so an explanation's components add up to the score exactly.
/// </summary>
public static class MatchPoints
{
    /// <summary>Points for holding every required skill at the top level.</summary>
    public const int Required = 600;

    /// <summary>Points for holding every meriting skill at the top level.</summary>
    public const int Meriting = 150;

    /// <summary>Points for five or more years in the need's own occupation.</summary>
    public const int Experience = 150;

    /// <summary>Points for a commute of zero minutes; falls linearly to 0 at the person's own maximum.</summary>
    public const int Commute = 100;

    /// <summary>The highest possible score.</summary>
    public const int Max = Required + Meriting + Experience + Commute;

    /// <summary>Years (in tenths) that earn full experience points.</summary>
    public const int FullExperienceTenths = 50;

    /// <summary>
    /// A need skill's share of its budget (<see cref="Required"/> or <see cref="Meriting"/>) by importance,
    /// rounded down: <c>budget × importance ÷ Σ importance</c>.
    /// </summary>
    public static int SkillWeight(int budget, int importance, int importanceSum) =>
        importanceSum <= 0 ? 0 : budget * ClampImportance(importance) / importanceSum;

    /// <summary>Importance clamped to 1–3.</summary>
    public static int ClampImportance(int importance) => Math.Clamp(importance, 1, 3);

    /// <summary>Skill level clamped to 1–4.</summary>
    public static int ClampLevel(int level) => Math.Clamp(level, 1, 4);

    /// <summary>A held skill earns its weight × (level + 2) ÷ 6: ½ at level 1, all of it at level 4.</summary>
    public static int HeldSkill(int weight, int level) => weight * (level + 2) / 6;

    /// <summary>A related skill earns its weight × closeness (per mille) × (level + 2) ÷ 6000.</summary>
    public static int RelatedSkill(int weight, int closenessPermille, int level) =>
        weight * closenessPermille * (level + 2) / 6000;

    /// <summary>Experience: 150 × min(years, 5) ÷ 5 × affinity % (100 same occupation, else 75 or 25).</summary>
    public static int ExperiencePoints(int yearsTenths, int affinityPercent) =>
        Experience * Math.Clamp(yearsTenths, 0, FullExperienceTenths) * affinityPercent / (FullExperienceTenths * 100);

    /// <summary>Commute: 100 × (max − minutes) ÷ max, for a commute within the person's maximum.</summary>
    public static int CommutePoints(int minutes, int maxMinutes) =>
        maxMinutes <= 0 || minutes > maxMinutes ? 0 : Commute * (maxMinutes - minutes) / maxMinutes;

    /// <summary>Years as whole tenths (1.25 years → 12), the unit experience is scored in.</summary>
    public static int YearsToTenths(decimal years) => (int)Math.Clamp(decimal.Floor(years * 10), 0, 1000);
}
