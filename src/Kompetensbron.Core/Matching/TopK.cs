namespace Kompetensbron.Core.Matching;

/// <summary>
/// A bounded heap keeping the k best (score descending, then id ascending: the deterministic tie order). The worst
/// kept entry is at the root, so a candidate is compared once and the heap never grows past k.
/// </summary>
internal sealed class TopK
{
    private (int Score, int Id)[] _heap = new (int, int)[64];
    private int _count;
    private int _k;

    public bool IsFull => _count == _k;

    /// <summary>The k-th best score so far (meaningful when <see cref="IsFull"/>).</summary>
    public int WorstScore => _heap[0].Score;

    public void Reset(int k)
    {
        if (_heap.Length < k)
        {
            _heap = new (int, int)[k];
        }

        _k = k;
        _count = 0;
    }

    /// <summary>True when a candidate with this <paramref name="upperBound"/> could still enter (ties on score may win on a lower id).</summary>
    public bool CouldEnter(int upperBound) => _count < _k || upperBound >= _heap[0].Score;

    public void Offer(int score, int id)
    {
        if (_k == 0)
        {
            return;
        }

        if (_count < _k)
        {
            var i = _count++;
            _heap[i] = (score, id);
            SiftUp(i);
        }
        else if (Better((score, id), _heap[0]))
        {
            _heap[0] = (score, id);
            SiftDown(0);
        }
    }

    /// <summary>Writes the kept entries best first and returns how many.</summary>
    public int Drain(Span<(int Score, int Id)> destination)
    {
        var span = _heap.AsSpan(0, _count);
        span.Sort(static (a, b) => Better(a, b) ? -1 : Better(b, a) ? 1 : 0);
        span.CopyTo(destination);
        var n = _count;
        _count = 0;
        return n;
    }

    /// <summary>The ranking order: higher score first, then lower id.</summary>
    public static bool Better((int Score, int Id) a, (int Score, int Id) b) =>
        a.Score > b.Score || (a.Score == b.Score && a.Id < b.Id);

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!Better(_heap[parent], _heap[i]))
            {
                break;
            }

            (_heap[parent], _heap[i]) = (_heap[i], _heap[parent]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var left = (2 * i) + 1;
            if (left >= _count)
            {
                return;
            }

            var worst = left + 1 < _count && Better(_heap[left], _heap[left + 1]) ? left + 1 : left;
            if (!Better(_heap[i], _heap[worst]))
            {
                return;
            }

            (_heap[i], _heap[worst]) = (_heap[worst], _heap[i]);
            i = worst;
        }
    }
}
