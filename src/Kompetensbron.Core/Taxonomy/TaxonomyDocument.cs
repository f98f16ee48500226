using System.Text.Json.Serialization;

namespace Kompetensbron.Core.Taxonomy;

// The compact schema written by tools/derive-data.py (docs/decisions/0001-reference-data.md).
internal sealed record TaxonomyDocument(
    SkillRow[] Skills,
    SsykRow[] Ssyk,
    OccupationRow[] Occupations,
    Ssyk4SkillsRow[] Ssyk4Skills,
    SubstitutionRow[] Substitutions,
    SunRow[] SunFields,
    SunRow[] SunLevels,
    SniRow[] Sni,
    LanguageRow[] Languages);

internal sealed record SkillRow(string Id, string Label);

internal sealed record SsykRow(string Id, string Code, int Level, string Label, string? Def, string? Parent);

internal sealed record OccupationRow(string Id, string Label, string Ssyk4);

internal sealed record Ssyk4SkillsRow(string Ssyk4, string[] Skills);

internal sealed record SubstitutionRow(string From, string To, int Pct);

internal sealed record SunRow(string Id, string Code, int Level, string Label, string? Parent);

internal sealed record SniRow(string Code, int Level, string Label, string? Parent);

internal sealed record LanguageRow(string Id, string Label, string? Iso1);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(TaxonomyDocument))]
internal sealed partial class TaxonomyJsonContext : JsonSerializerContext;
