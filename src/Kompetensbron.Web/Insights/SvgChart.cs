using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Kompetensbron.Core.Insights.Reports;
using Microsoft.AspNetCore.Html;

namespace Kompetensbron.Web.Insights;

/// <summary>One bar series: its name (shown in the legend), a CSS modifier for its colour and its published cells.</summary>
public sealed record ChartSeries(string Name, string CssModifier, IReadOnlyList<ReportCell> Cells);

/// <summary>
/// Server-rendered bar charts as inline SVG: no script, no inline style (colours come from site.css classes), so they
/// work under the content security policy. Charts show published cells only: a suppressed cell draws no bar and
/// is labelled "&lt;5". Every chart is a picture of the data table printed beside it.
/// </summary>
public static class SvgChart
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Horizontal bars, one group per category, one bar per series.</summary>
    public static IHtmlContent HorizontalBars(string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        const int labelWidth = 300, barArea = 380, valueWidth = 60, barHeight = 14, groupGap = 10, top = 30;
        var groupHeight = series.Count * barHeight + groupGap;
        var height = top + categories.Count * groupHeight + 10;
        var max = Math.Max(1, series.SelectMany(s => s.Cells).Select(c => c.Number ?? 0).DefaultIfEmpty(0).Max());
        var svg = Start(title, labelWidth + barArea + valueWidth, height);
        Legend(svg, series, labelWidth);
        for (var i = 0; i < categories.Count; i++)
        {
            var y = top + i * groupHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart__label\" x=\"{labelWidth - 8}\" y=\"{y + series.Count * barHeight / 2 + 4}\" text-anchor=\"end\">{E(Shorten(categories[i], 42))}</text>");
            for (var s = 0; s < series.Count; s++)
            {
                var cell = series[s].Cells[i];
                var by = y + s * barHeight;
                var width = cell.Number is { } n && n > 0 ? Math.Max(1, n / max * barArea) : 0;
                if (width > 0)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"chart__bar chart__bar--{series[s].CssModifier}\" x=\"{labelWidth}\" y=\"{by}\" width=\"{width:0.#}\" height=\"{barHeight - 2}\"/>");
                }

                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart__value\" x=\"{labelWidth + width + 4:0.#}\" y=\"{by + barHeight - 4}\">{E(cell.Text)}</text>");
            }
        }

        return End(svg);
    }

    /// <summary>Vertical columns, one per category (e.g. a year).</summary>
    public static IHtmlContent Columns(string title, IReadOnlyList<string> categories, ChartSeries series)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        const int left = 10, top = 30, plotHeight = 160, columnWidth = 56, bottom = 40;
        var width = left * 2 + categories.Count * columnWidth;
        var max = Math.Max(1, series.Cells.Select(c => c.Number ?? 0).DefaultIfEmpty(0).Max());
        var svg = Start(title, width, top + plotHeight + bottom);
        Legend(svg, [series], left);
        var baseline = top + plotHeight;
        for (var i = 0; i < categories.Count; i++)
        {
            var cell = series.Cells[i];
            var x = left + i * columnWidth;
            var h = cell.Number is { } n && n > 0 ? Math.Max(1, n / max * (plotHeight - 16)) : 0;
            if (h > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"chart__bar chart__bar--{series.CssModifier}\" x=\"{x + 8}\" y=\"{baseline - h:0.#}\" width=\"{columnWidth - 16}\" height=\"{h:0.#}\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart__value\" x=\"{x + columnWidth / 2}\" y=\"{baseline - h - 4:0.#}\" text-anchor=\"middle\">{E(cell.Text)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart__label\" x=\"{x + columnWidth / 2}\" y=\"{baseline + 18}\" text-anchor=\"middle\">{E(categories[i])}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"chart__axis\" x1=\"{left}\" y1=\"{baseline}\" x2=\"{width - left}\" y2=\"{baseline}\"/>");
        return End(svg);
    }

    private static StringBuilder Start(string title, int width, int height)
    {
        var svg = new StringBuilder();
        var id = "chart-" + Math.Abs(StringComparer.Ordinal.GetHashCode(title)).ToString(CultureInfo.InvariantCulture);
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}\" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{id}\">{E(title)}</title>");
        return svg;
    }

    private static void Legend(StringBuilder svg, IReadOnlyList<ChartSeries> series, int x)
    {
        for (var s = 0; s < series.Count; s++)
        {
            var lx = x + s * 150;
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"chart__bar chart__bar--{series[s].CssModifier}\" x=\"{lx}\" y=\"6\" width=\"12\" height=\"12\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart__legend\" x=\"{lx + 16}\" y=\"16\">{E(series[s].Name)}</text>");
        }
    }

    private static HtmlString End(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    private static string E(string text) => Html.Encode(text);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>The published cells of a table column, by heading.</summary>
    public static IReadOnlyList<ReportCell> Column(ReportTable table, int columnIndex, int rows) =>
        table.Rows.Take(rows).Select(r => r[columnIndex]).ToList();
}
