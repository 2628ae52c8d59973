using System.Diagnostics;
using System.Globalization;
using Gongkai.Core.Data;
using Gongkai.Core.Features.Agencies;
using Gongkai.Core.Features.Appeals;
using Gongkai.Core.Features.Article20;
using Gongkai.Core.Features.Demo;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Article20;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Gongkai.Domain.Proactive;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.BenchData;

/// <summary>
/// <c>seed-bench</c>: benchmark volumes of realistic records under one district (北京市西城区), from a fixed
/// seed. Applications, appeals and 第二十条 figures go through their importers as generated CSV files (applications
/// are bulk-inserted there, identity numbers encrypted by the model's converter row by row); items, the bulk of the volume, are made by
/// <see cref="DisclosureItem.Import"/> and written with <see cref="BulkInsert{T}"/>, with their versions and steps, one
/// transaction per agency. Agencies differ in size (a few busy ones, many quiet ones) and years grow.
/// </summary>
internal static class SeedBench
{
    public const string District = "北京市西城区";
    private const int Seed = 20251231;

    public sealed record Request(int Agencies, int Requests, int Items, int FirstYear, int LastYear, string Actor);

    public sealed record Response(int Agencies, int Requests, int Items, int Appeals, int Article20Figures, TimeSpan Elapsed);

    public static async Task<Result<Response>> HandleAsync(
        GongkaiDbContext db, TimeProvider clock, WorkCalendar calendar, Request request, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        if (Validate(request, calendar) is { } problem)
        {
            return problem;
        }

        if (await db.Agencies.AnyAsync(a => a.Name == District, cancellationToken))
        {
            return Problem.Conflict("bench.exists", $"基准数据已存在（机关「{District}」已在数据库中）；请使用新的数据库");
        }

        var watch = Stopwatch.StartNew();
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // A 256 MB page cache keeps the indexes being filled in memory; NORMAL is safe in WAL mode (a crash loses
            // at most the last transactions, never the file) and saves an fsync per commit.
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144; PRAGMA synchronous = NORMAL;", cancellationToken);
        }

        var district = await AddAgency.HandleAsync(db, clock, new AddAgency.Request(District, null, request.Actor), cancellationToken);
        if (!district.IsSuccess)
        {
            return district.Problem;
        }

        var random = new Random(Seed);
        var generator = new RecordGenerator(random, calendar);
        var years = Enumerable.Range(request.FirstYear, request.LastYear - request.FirstYear + 1).ToList();

        // Sizes: the profile's scale times a log-normal factor, so some agencies get many times the median's records;
        // later years a little more than earlier ones (applications grew about 10 % a year).
        var profiles = Enumerable.Range(0, request.Agencies).Select(n => Departments.For(District, "西", n)).ToList();
        var weights = profiles.Select(p => p.Scale * Math.Exp(Gaussian(random) * 0.7)).ToList();
        var yearWeights = years.Select(y => Math.Pow(1.1, y - request.FirstYear)).ToList();
        var requestCounts = Apportion(request.Requests, weights);
        var itemCounts = Apportion(request.Items, weights);
        var totals = new Totals();
        for (var n = 0; n < profiles.Count; n++)
        {
            var profile = profiles[n];
            var agency = await AddAgency.HandleAsync(db, clock, new AddAgency.Request(profile.Name, District, request.Actor), cancellationToken);
            if (!agency.TryGetValue(out var added))
            {
                return agency.Problem;
            }

            var context = new AgencyContext(new Importers(db, clock, calendar, request.Actor, cancellationToken), generator, added, profile);
            var itemsByYear = Apportion(itemCounts[n], yearWeights);
            var itemFigures = await ItemsAsync(context, years, itemsByYear);
            totals.Items += itemsByYear.Sum();
            var requests = await RequestsAsync(context, years, Apportion(requestCounts[n], yearWeights), request.LastYear);
            if (!requests.TryGetValue(out var requestTotals))
            {
                return requests.Problem;
            }

            totals.Requests += requestTotals.Requests;
            totals.Appeals += requestTotals.Appeals;
            var carried = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var year in years)
            {
                var (normative, procurements) = itemFigures[year];
                var rows = generator.Article20(ReportFormats.DefaultForYear(year), normative, procurements, profile.Scale, carried);
                var figures = await context.Import.Article20Async(profile.Name, year, Importers.Csv($"article20-{year}.csv", ImportArticle20.Headers, rows));
                if (!figures.TryGetValue(out var count))
                {
                    return figures.Problem;
                }

                totals.Article20Figures += count;
            }

            progress?.Report(string.Create(CultureInfo.InvariantCulture,
                $"机关 {n + 1}/{profiles.Count}：申请 {totals.Requests:N0} 件，信息 {totals.Items:N0} 条，用时 {watch.Elapsed.TotalSeconds:F0} 秒"));
            db.ChangeTracker.Clear();
        }

        // Fresh planner statistics for the report queries after a bulk load (BENCHMARKS.md).
        progress?.Report("更新查询统计信息（ANALYZE）");
        await db.Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken);
        return new Response(request.Agencies, totals.Requests, totals.Items, totals.Appeals, totals.Article20Figures, watch.Elapsed);
    }

    private static Problem? Validate(Request request, WorkCalendar calendar)
    {
        if (request.Agencies is < 1 or > 10_000 || request.Requests < 0 || request.Items < 0)
        {
            return new Problem("bench.invalid", "机关数应为1至10000，申请数和信息数不能为负数");
        }

        // 2019 is the first year of the report formats; replies need the calendar beyond the last year's end.
        var last = calendar.LastDate.Year - 1;
        return request.FirstYear < Article20Statistics.FirstYear || request.LastYear > last || request.FirstYear > request.LastYear
            ? new Problem("bench.years", string.Create(CultureInfo.InvariantCulture, $"年度范围应在{Article20Statistics.FirstYear}—{last}年之间，如 2021-2025"))
            : null;
    }

    /// <summary>
    /// The agency's items of every year, written in bulk with their first version and import step (the report reads
    /// the versions). Gives per year the count of 规范性文件 and 政府集中采购 items, for its 第二十条 figures.
    /// </summary>
    private static async Task<Dictionary<int, (int Normative, int Procurements)>> ItemsAsync(AgencyContext c, List<int> years, int[] counts)
    {
        var categories = DefaultCategories.Create(c.Agency.Id).Value.ToList();
        var tree = CategoryTree.Create(categories).Value;
        var divisions = c.Profile.Divisions.ToDictionary(d => d, d => Division.Create(c.Agency.Id, d).Value, StringComparer.Ordinal);
        var topics = RecordGenerator.TopicNames.Select((name, i) => Topic.Create(c.Agency.Id, name, i).Value).ToDictionary(t => t.Name, StringComparer.Ordinal);
        c.Db.Categories.AddRange(categories);
        c.Db.Divisions.AddRange(divisions.Values);
        c.Db.Topics.AddRange(topics.Values);
        await c.Db.SaveChangesAsync(c.CancellationToken);

        var figures = years.ToDictionary(y => y, _ => (0, 0));
        var actor = new ItemActor(c.Import.Actor, c.Import.Actor, ItemRole.System);
        var at = c.Import.Clock.GetUtcNow();
        await using var transaction = await c.Db.Database.BeginTransactionAsync(c.CancellationToken);
        var itemId = Guid.Empty;
        await using (var insertItem = new BulkInsert<DisclosureItem>(c.Db, (_, _) => null))
        // A version's shadow columns: its item, and the item's agency that the report queries group by.
        await using (var insertVersion = new BulkInsert<ItemVersion>(c.Db, (_, column) => column == ProactiveMapping.VersionAgencyId ? c.Agency.Id : itemId))
        await using (var insertEvent = new BulkInsert<ItemEvent>(c.Db, (_, _) => itemId))
        {
            for (var y = 0; y < years.Count; y++)
            {
                for (var n = 1; n <= counts[y]; n++)
                {
                    var generated = c.Generator.Item(years[y], n, c.Profile);
                    var content = new ItemContent
                    {
                        Category = tree.FindByPath(generated.CategoryPath)!,
                        Topics = generated.Topic.Length == 0 ? [] : [topics[generated.Topic]],
                        Division = divisions[generated.Division],
                        Title = generated.Title,
                        DocumentNumber = generated.DocumentNumber.Length == 0 ? null : generated.DocumentNumber,
                        FormedOn = generated.FormedOn,
                        FullTextElectronic = generated.FullText,
                    };

                    // Version 7: time-ordered ids append to the primary-key indexes instead of splitting pages at random.
                    var item = DisclosureItem.Import(new ImportItem(actor, generated.PublishedOn, at, Guid.CreateVersion7(), c.Agency.Id, content)).Value;
                    itemId = item.Id;
                    await insertItem.AddAsync(item, c.CancellationToken);
                    foreach (var version in item.Versions)
                    {
                        await insertVersion.AddAsync(version, c.CancellationToken);
                    }

                    foreach (var step in item.Events)
                    {
                        await insertEvent.AddAsync(step, c.CancellationToken);
                    }

                    var (normative, procurements) = figures[years[y]];
                    figures[years[y]] = (normative + (generated.CategoryPath == "规范性文件" ? 1 : 0), procurements + (generated.CategoryPath == "政府集中采购" ? 1 : 0));
                }
            }
        }

        await transaction.CommitAsync(c.CancellationToken);
        return figures;
    }

    /// <summary>
    /// The agency's applications through <see cref="ImportRequests"/>, then a case for one
    /// refusal in about two hundred through <see cref="ImportAppeals"/>. Applicants: organisations without a number,
    /// natural persons from a pool a quarter the size of the applications (people apply again).
    /// </summary>
    private static async Task<Result<(int Requests, int Appeals)>> RequestsAsync(AgencyContext c, List<int> years, int[] counts, int lastYear)
    {
        var people = Enumerable.Range(0, Math.Max(10, counts.Sum() / 4)).Select(_ => c.Generator.IdentityNumber()).ToList();
        var rows = new List<string[]>(counts.Sum());
        var appeals = new List<string[]>();
        for (var y = 0; y < years.Count; y++)
        {
            for (var n = 1; n <= counts[y]; n++)
            {
                var row = c.Generator.Request(string.Create(CultureInfo.InvariantCulture, $"{years[y]}-{n:D6}"), years[y], c.Profile, people[c.Generator.Next(people.Count)]);
                rows.Add(row);
                if (RecordGenerator.IsRefusal(row[7]) && c.Generator.Next(200) == 0)
                {
                    appeals.Add(c.Generator.Appeal("京西政复", appeals.Count + 1, row[0], DateInput.Parse(row[8])!.Value, new DateOnly(lastYear, 12, 31)));
                }
            }
        }

        var requests = await c.Import.RequestsAsync(c.Profile.Name, Importers.Csv("requests.csv", LedgerRecords.AllHeaders, rows));
        var cases = await c.Import.AppealsAsync(c.Profile.Name, Importers.Csv("appeals.csv", ImportAppeals.Headers, appeals));
        return requests.Bind(r => cases.Map(a => (r, a)));
    }

    /// <summary>Counts summing to <paramref name="total"/> in proportion to the weights (largest remainders).</summary>
    private static int[] Apportion(int total, IReadOnlyList<double> weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => total * w / sum).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        foreach (var i in Enumerable.Range(0, counts.Length).OrderByDescending(i => exact[i] - counts[i]).Take(total - counts.Sum()))
        {
            counts[i]++;
        }

        return counts;
    }

    /// <summary>A standard normal deviate (Box–Muller).</summary>
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private sealed record AgencyContext(Importers Import, RecordGenerator Generator, Agency Agency, DepartmentProfile Profile)
    {
        public GongkaiDbContext Db => Import.Db;

        public CancellationToken CancellationToken => Import.CancellationToken;
    }

    private sealed class Totals
    {
        public int Requests { get; set; }

        public int Items { get; set; }

        public int Appeals { get; set; }

        public int Article20Figures { get; set; }
    }
}
