using Kompetensbron.Core.Needs;

namespace Kompetensbron.Core.Matching;

/// <summary>
/// Narrows "needs for a profile": only these kinds, only in these municipalities, only within this many minutes
/// (never more than the person's own maximum). Null means no restriction. A filter hides; it does not exclude.
/// </summary>
public sealed record NeedFilter(
    IReadOnlyCollection<NeedKind>? Kinds = null,
    IReadOnlyCollection<string>? MunicipalityCodes = null,
    int? MaxCommuteMinutes = null)
{
    public static NeedFilter None { get; } = new();
}

/// <summary>A <see cref="NeedFilter"/> compiled against an index's vocabularies, checked per candidate.</summary>
internal readonly struct CompiledNeedFilter
{
    private readonly int _kindMask;
    private readonly int[]? _municipalities;

    public CompiledNeedFilter(NeedFilter filter, Vocabulary municipalities)
    {
        _kindMask = filter.Kinds is null ? -1 : filter.Kinds.Aggregate(0, (mask, kind) => mask | (1 << (int)kind));
        _municipalities = filter.MunicipalityCodes?.Select(municipalities.Find).Where(m => m >= 0).Distinct().Order().ToArray();
        MaxMinutes = filter.MaxCommuteMinutes ?? int.MaxValue;
    }

    public int MaxMinutes { get; }

    public bool Allows(in NeedSlot need) =>
        (_kindMask & (1 << (int)need.Kind)) != 0
        && (_municipalities is null || Array.BinarySearch(_municipalities, need.Municipality) >= 0);
}
