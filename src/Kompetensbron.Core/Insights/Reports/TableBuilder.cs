using System.Globalization;

namespace Kompetensbron.Core.Insights.Reports;

/// <summary>
/// Builds a published table column by column. Counts of people are rounded to whole people and shown as "&lt;5"
/// under five; a total row is the sum of the rounded row values, suppressed ones included, so the rows add up to
/// it. A gap or ratio computed from a suppressed count is shown as ".." — otherwise it would give the count away.
/// </summary>
internal sealed class TableBuilder<T>
{
    private enum Kind
    {
        Text,
        Positions,
        People,
        Gap,
        Ratio,
        Percent,
    }

    private sealed record Column(string Heading, Kind Kind, Func<T, double>? Value, Func<T, string>? Label, string? TotalLabel, Func<T, bool>? Hidden)
    {
        /// <summary>A percent column's total: the share over all rows, or null for no total.</summary>
        public Func<IReadOnlyList<T>, double?>? TotalShare { get; init; }
    }

    private readonly List<Column> _columns = [];

    public TableBuilder<T> Text(string heading, Func<T, string> label, string? total = null)
    {
        _columns.Add(new(heading, Kind.Text, null, label, total, null));
        return this;
    }

    /// <summary>Positions or seats: counts of places, not of people, so never suppressed.</summary>
    public TableBuilder<T> Positions(string heading, Func<T, double> value)
    {
        _columns.Add(new(heading, Kind.Positions, value, null, null, null));
        return this;
    }

    public TableBuilder<T> People(string heading, Func<T, double> value)
    {
        _columns.Add(new(heading, Kind.People, value, null, null, null));
        return this;
    }

    public TableBuilder<T> Gap(string heading, Func<T, double> demand, Func<T, double> supply)
    {
        _columns.Add(new(heading, Kind.Gap, x => PublishedCount.Round(demand(x)) - PublishedCount.Round(supply(x)), null, null,
            x => PublishedCount.IsSuppressed(demand(x)) || PublishedCount.IsSuppressed(supply(x))));
        return this;
    }

    public TableBuilder<T> Ratio(string heading, Func<T, double> value, Func<T, double> demand, Func<T, double> supply)
    {
        _columns.Add(new(heading, Kind.Ratio, value, null, null,
            x => PublishedCount.IsSuppressed(demand(x)) || PublishedCount.IsSuppressed(supply(x))));
        return this;
    }

    public TableBuilder<T> Percent(string heading, Func<T, double> share)
    {
        _columns.Add(new(heading, Kind.Percent, share, null, null, null));
        return this;
    }

    /// <summary>
    /// A share of people: shown as ".." when either part (those counted, those not) is 1–4 people, because the share
    /// and the published total would give that part away; the total row shows the share of <paramref name="totals"/> under the same rule.
    /// </summary>
    public TableBuilder<T> ShareOfPeople(string heading, Func<T, double> part, Func<T, double> whole, Func<IReadOnlyList<T>, (double Part, double Whole)> totals)
    {
        _columns.Add(new(heading, Kind.Percent, x => whole(x) == 0 ? 0 : part(x) / whole(x), null, null,
            x => PublishedCount.IsSuppressed(part(x)) || PublishedCount.IsSuppressed(whole(x) - part(x)))
        {
            TotalShare = items => totals(items) is var (p, w) && w > 0 && !PublishedCount.IsSuppressed(p) && !PublishedCount.IsSuppressed(w - p) ? p / w : null,
        });
        return this;
    }

    public ReportTable Build(string key, string title, IReadOnlyList<T> items, bool withTotal)
    {
        var rows = items.Select(item => (IReadOnlyList<ReportCell>)_columns.Select(c => Cell(c, item)).ToList()).ToList();
        IReadOnlyList<ReportCell>? total = withTotal ? _columns.Select(c => TotalCell(c, items)).ToList() : null;
        return new ReportTable(key, title, _columns.Select(c => c.Heading).ToList(), rows, total);
    }

    private static ReportCell Cell(Column column, T item)
    {
        if (column.Kind == Kind.Text)
        {
            return ReportCell.Of(column.Label!(item));
        }

        if (column.Hidden?.Invoke(item) == true)
        {
            return ReportCell.Of("..");
        }

        var value = column.Value!(item);
        return column.Kind switch
        {
            Kind.People when PublishedCount.IsSuppressed(value) => ReportCell.Of(PublishedCount.Suppressed),
            Kind.Ratio => new(value.ToString("0.00", CultureInfo.InvariantCulture), Math.Round(value, 2)),
            Kind.Percent => PercentCell(value),
            _ => Whole(PublishedCount.Round(value)),
        };
    }

    private static ReportCell TotalCell(Column column, IReadOnlyList<T> items) => column.Kind switch
    {
        Kind.Text => ReportCell.Of(column.TotalLabel ?? ""),
        Kind.People when PublishedCount.IsSuppressed(items.Sum(x => PublishedCount.Round(column.Value!(x)))) => ReportCell.Of(PublishedCount.Suppressed),
        Kind.Positions or Kind.People or Kind.Gap => Whole(items.Sum(x => PublishedCount.Round(column.Value!(x)))),
        Kind.Percent when column.TotalShare is { } share => share(items) is { } value ? PercentCell(value) : ReportCell.Of(".."),
        _ => ReportCell.Of(""),
    };

    private static ReportCell PercentCell(double share) => new((share * 100).ToString("0", CultureInfo.InvariantCulture) + " %", Math.Round(share * 100));

    private static ReportCell Whole(int value) => new(value.ToString(CultureInfo.InvariantCulture), value);
}
