namespace Kompetensbron.Core.Matching;

/// <summary>
/// The postings of one skill or occupation: slots with a small value (a level, years in tenths or a point
/// weight), sorted by (grid cell, slot) so a place's neighbourhood is a few contiguous runs.
/// </summary>
internal sealed class PostingList(int capacity)
{
    public ushort[] Cells = new ushort[Math.Max(2, capacity)];
    public int[] Slots = new int[Math.Max(2, capacity)];
    public short[] Values = new short[Math.Max(2, capacity)];
    public int Count;

    /// <summary>Appends in order during a bulk build (callers add in (cell, slot) order).</summary>
    public void Append(ushort cell, int slot, short value)
    {
        if (Count == Cells.Length)
        {
            Grow();
        }

        Cells[Count] = cell;
        Slots[Count] = slot;
        Values[Count++] = value;
    }

    /// <summary>Inserts keeping the (cell, slot) order; O(length) like any sorted array.</summary>
    public void Insert(ushort cell, int slot, short value)
    {
        var at = Find(cell, slot);
        if (at >= 0)
        {
            Values[at] = value;
            return;
        }

        at = ~at;
        if (Count == Cells.Length)
        {
            Grow();
        }

        Array.Copy(Cells, at, Cells, at + 1, Count - at);
        Array.Copy(Slots, at, Slots, at + 1, Count - at);
        Array.Copy(Values, at, Values, at + 1, Count - at);
        Cells[at] = cell;
        Slots[at] = slot;
        Values[at] = value;
        Count++;
    }

    public void Remove(ushort cell, int slot)
    {
        var at = Find(cell, slot);
        if (at < 0)
        {
            return;
        }

        Array.Copy(Cells, at + 1, Cells, at, Count - at - 1);
        Array.Copy(Slots, at + 1, Slots, at, Count - at - 1);
        Array.Copy(Values, at + 1, Values, at, Count - at - 1);
        Count--;
    }

    /// <summary>The first position at or after <paramref name="from"/> whose cell is at least <paramref name="cell"/>.</summary>
    public int LowerBound(ushort cell, int from)
    {
        int lo = from, hi = Count;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (Cells[mid] < cell)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private int Find(ushort cell, int slot)
    {
        int lo = 0, hi = Count - 1;
        while (lo <= hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            var c = Cells[mid] != cell ? Cells[mid].CompareTo(cell) : Slots[mid].CompareTo(slot);
            if (c == 0)
            {
                return mid;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }

    private void Grow()
    {
        var size = Cells.Length * 2;
        Array.Resize(ref Cells, size);
        Array.Resize(ref Slots, size);
        Array.Resize(ref Values, size);
    }
}
