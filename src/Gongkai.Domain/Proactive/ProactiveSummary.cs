using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Proactive;

/// <summary>
/// What the summary needs of one item: the label of its top-level category, the day it was first published (null if
/// never), whether its full text is electronic, and whether that publication was on time (null when unknown, e.g. a
/// date outside the calendar).
/// </summary>
public sealed record ItemFacts(string TopCategory, DateOnly? PublishedOn, bool FullTextElectronic, TimelinessStatus? Timeliness);

/// <summary>
/// Items first published in a year under one top-level category (or one category that maps to it): how many, how
/// many with electronic full text, how many on time and late (items whose timeliness is unknown are in neither).
/// </summary>
public sealed record CategoryCounts(string TopCategory, int Published, int FullText, int OnTime, int Late);

/// <summary>
/// The proactive-disclosure figures of a year (spec/report-json.md, our own keys): items published in the year,
/// by top-level category, the full-text rate and the on-time rate, the rates as fractions rounded to 4 decimals.
/// A pure function of the items' facts.
/// </summary>
public static class ProactiveSummary
{
    public const string PublishedTotal = "proactive.published.total";
    public const string PublishedByCategoryPrefix = "proactive.published.byCategory.";
    public const string FullTextRate = "proactive.fullTextRate";
    public const string OnTimeRate = "proactive.onTimeRate";

    /// <summary>
    /// The figures for <paramref name="year"/> over the items first published in it. The count of every label in
    /// <paramref name="categoryLabels"/> is present (0 when none), in that order, then any other label found, in
    /// ordinal order. A rate with nothing to divide by is left out rather than shown as 0 or 1: the full-text rate
    /// when nothing was published, the on-time rate when no publication's timeliness is known.
    /// </summary>
    public static IReadOnlyDictionary<string, decimal> For(int year, IEnumerable<ItemFacts> items, IEnumerable<string>? categoryLabels = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var counts = items.Where(i => i.PublishedOn?.Year == year)
            .Select(i => new CategoryCounts(
                i.TopCategory,
                1,
                i.FullTextElectronic ? 1 : 0,
                i.Timeliness == TimelinessStatus.OnTime ? 1 : 0,
                i.Timeliness == TimelinessStatus.Late ? 1 : 0));
        return FromCounts(counts, categoryLabels);
    }

    /// <summary>
    /// The same figures from counts already grouped (by the database): rows of one top-level label are added up.
    /// </summary>
    public static IReadOnlyDictionary<string, decimal> FromCounts(IEnumerable<CategoryCounts> counts, IEnumerable<string>? categoryLabels = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var byLabel = new Dictionary<string, int>(StringComparer.Ordinal);
        int published = 0, fullText = 0, onTime = 0, late = 0;
        foreach (var c in counts)
        {
            byLabel[c.TopCategory] = byLabel.GetValueOrDefault(c.TopCategory) + c.Published;
            published += c.Published;
            fullText += c.FullText;
            onTime += c.OnTime;
            late += c.Late;
        }

        var values = new Dictionary<string, decimal>(StringComparer.Ordinal) { [PublishedTotal] = published };
        var labels = (categoryLabels ?? []).Distinct(StringComparer.Ordinal).ToList();
        foreach (var label in labels.Concat(byLabel.Keys.Except(labels, StringComparer.Ordinal).Order(StringComparer.Ordinal)))
        {
            values[CellKey.PublishedInCategory(label)] = byLabel.GetValueOrDefault(label);
        }

        if (published > 0)
        {
            values[FullTextRate] = Rate(fullText, published);
        }

        if (onTime + late > 0)
        {
            values[OnTimeRate] = Rate(onTime, onTime + late);
        }

        return values;
    }

    /// <summary>
    /// The facts of an item for the summary, from its first published version (the publication that counts it in a
    /// year): that version's category, as placed in <paramref name="tree"/> now, gives the top-level label. A
    /// calendar that cannot judge the publication leaves the timeliness unknown; a category not in
    /// <paramref name="tree"/> is <c>category.unknown</c>. An unpublished item gives its working version's facts.
    /// </summary>
    public static Result<ItemFacts> FactsOf(DisclosureItem item, CategoryTree tree, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(calendar);
        var first = item.Versions.Count > 0 ? item.Versions[0] : null;
        if (tree.TopLevelOf(first?.CategoryId ?? item.CategoryId) is not { } top)
        {
            return new Problem("category.unknown", $"信息“{item.Title}”的类别不在本机关的类别体系中");
        }

        if (first is null)
        {
            return new ItemFacts(top.Name, null, item.FullTextElectronic, null);
        }

        var timeliness = Timeliness.For(first.FormedOn, first.PublishedOn, first.PublishedOn, calendar);
        return new ItemFacts(top.Name, first.PublishedOn, first.FullTextElectronic, timeliness.IsSuccess ? timeliness.Value.Status : null);
    }

    // Four decimals, always written with four (1.0000), as report-json.md asks.
    private static decimal Rate(int part, int whole) =>
        decimal.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero) + 0.0000m;
}
