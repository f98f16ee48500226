namespace Kompetensbron.Core.Placement;

/// <summary>
/// The seeded lottery that orders applicants a place scores equally. Each applicant's draw depends only on the
/// seed and their own id, so adding or removing someone does not reshuffle everyone else.
/// </summary>
internal static class Lottery
{
    /// <summary>Per applicant a rank in 0 … n − 1; a higher rank wins a tie.</summary>
    public static int[] Ranks(int seed, IReadOnlyList<PlacementApplicant> applicants)
    {
        var draws = new ulong[applicants.Count];
        var order = new int[applicants.Count];
        for (var a = 0; a < applicants.Count; a++)
        {
            draws[a] = Draw(seed, applicants[a].Id);
            order[a] = a;
        }

        Array.Sort(draws, order);
        var ranks = new int[applicants.Count];
        for (var i = 0; i < order.Length; i++)
        {
            ranks[order[i]] = i;
        }

        return ranks;
    }

    /// <summary>SplitMix64 of the seed and an FNV-1a hash of the id: stable across runs, machines and .NET versions.</summary>
    public static ulong Draw(int seed, string applicantId)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in applicantId)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        var z = hash ^ ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
