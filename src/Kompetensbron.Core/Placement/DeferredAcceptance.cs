namespace Kompetensbron.Core.Placement;

/// <summary>
/// Applicant-proposing deferred acceptance with capacities (Gale–Shapley). Applicants propose down their
/// eligible wishes; each place holds its best <c>capacity</c> proposals in a min-heap keyed by how much it wants
/// them and rejects the rest. The result is stable and the best stable result for every applicant.
/// </summary>
internal static class DeferredAcceptance
{
    public static int[] Solve(PlacementInstance instance)
    {
        var capacity = instance.Capacity;
        var start = instance.EligibleStart;
        var wishPlace = instance.WishPlace;
        var wishKey = instance.WishKey;
        var wishApplicant = instance.WishApplicant;

        // All places' heaps side by side in one array: place p owns slots heapStart[p] … heapStart[p + 1] − 1.
        var heapStart = new int[capacity.Length + 1];
        for (var p = 0; p < capacity.Length; p++)
        {
            heapStart[p + 1] = heapStart[p] + capacity[p];
        }

        var heapSize = new int[capacity.Length];
        var heapWish = new int[heapStart[capacity.Length]];
        var next = new int[instance.ApplicantCount];
        var free = new int[instance.ApplicantCount];
        var freeCount = 0;
        for (var a = instance.ApplicantCount - 1; a >= 0; a--)
        {
            next[a] = start[a];
            free[freeCount++] = a;
        }

        while (freeCount > 0)
        {
            var a = free[--freeCount];
            var end = start[a + 1];
            while (next[a] < end)
            {
                var w = next[a]++;
                var p = wishPlace[w];
                var size = heapSize[p];
                if (size < capacity[p])
                {
                    SiftUp(heapWish, wishKey, heapStart[p], size, w);
                    heapSize[p] = size + 1;
                    break;
                }

                if (size == 0)
                {
                    continue; // no seats at all
                }

                var root = heapStart[p];
                var weakest = heapWish[root];
                if (wishKey[w] > wishKey[weakest])
                {
                    SiftDown(heapWish, wishKey, root, size, w);
                    free[freeCount++] = wishApplicant[weakest];
                    break;
                }
            }
        }

        var assigned = new int[instance.ApplicantCount];
        Array.Fill(assigned, -1);
        for (var p = 0; p < capacity.Length; p++)
        {
            for (var i = 0; i < heapSize[p]; i++)
            {
                var w = heapWish[heapStart[p] + i];
                assigned[wishApplicant[w]] = w;
            }
        }

        return assigned;
    }

    private static void SiftUp(int[] heap, long[] key, int root, int hole, int wish)
    {
        var k = key[wish];
        while (hole > 0)
        {
            var parent = (hole - 1) >> 1;
            var above = heap[root + parent];
            if (key[above] <= k)
            {
                break;
            }

            heap[root + hole] = above;
            hole = parent;
        }

        heap[root + hole] = wish;
    }

    /// <summary>Replaces the minimum with <paramref name="wish"/> and restores the heap.</summary>
    private static void SiftDown(int[] heap, long[] key, int root, int size, int wish)
    {
        var k = key[wish];
        var hole = 0;
        while (true)
        {
            var child = (2 * hole) + 1;
            if (child >= size)
            {
                break;
            }

            if (child + 1 < size && key[heap[root + child + 1]] < key[heap[root + child]])
            {
                child++;
            }

            var below = heap[root + child];
            if (key[below] >= k)
            {
                break;
            }

            heap[root + hole] = below;
            hole = child;
        }

        heap[root + hole] = wish;
    }
}
