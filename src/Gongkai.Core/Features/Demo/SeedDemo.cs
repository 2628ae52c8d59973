using Gongkai.Core.Data;
using Gongkai.Core.Data.Files;
using Gongkai.Core.Documents;
using Gongkai.Core.Features.Agencies;
using Gongkai.Core.Features.Appeals;
using Gongkai.Core.Features.Article20;
using Gongkai.Core.Features.Letters;
using Gongkai.Core.Features.Proactive;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Demo;

/// <summary>
/// <c>gongkai demo</c>: 北京市东城区 with the seed's office (北京市东城区对外联络服务办公室, its 2020 records exactly as
/// the seed report counts them, from the sample ledgers embedded in this assembly) and a few other departments with
/// generated records for 2019–2021. Everything goes through the importers, so the demo holds nothing the import
/// could not have made: items with a generated 正文 and, every few, the full text attached as a file. Then what a
/// visitor opens first: each department's 政府信息公开指南 published, and the seed office's 2020 report built, locked and
/// published as the seed was. Idempotent: every import skips what is already there, and a guide or a report year
/// someone already has is left to them, so a second run changes nothing.
/// </summary>
public static class SeedDemo
{
    public const string District = "北京市东城区";
    public const string SeedOffice = "北京市东城区对外联络服务办公室";
    public const int SeedYear = 2020;
    public const int FirstYear = 2019;
    public const int LastYear = 2021;
    public const int DepartmentCount = 6;

    /// <summary>Fixed, so every demo database holds the same records.</summary>
    private const int Seed = 20201231;

    /// <summary>
    /// The seed is dated 二〇二一年一月 without a day; the last working day before the Art 49 deadline (31 January 2021,
    /// a Sunday) is in time, as the seed was.
    /// </summary>
    public static readonly DateOnly SeedReportPublishedOn = new(2021, 1, 29);

    /// <summary>The seed's 五、存在的主要问题及改进情况, verbatim: the demo writes it before the lock (LockRequirements).</summary>
    public const string SeedProblems = """
        1. 政府信息公开工作的主动性方面，对重要性认识不足，主动性不够强。需要完善工作机制，层层落实责任，增强各科室主动公开的意识，保证信息公开的主动性。
        2. 主动公开方面，政府信息公开的时效性仍需进一步提高。需加大信息公开工作督促检查力度，及时上报信息,并确保信息公开的质量和效率。
        3.创新政务公开工作举措方面， 随着政务公开工作要求不断提高，需要加强在工作方式方法上的创新力度，以群众需求为导向，创新思路、发散思维，加强对公开内容与形式的探索和实践，积极开创政务公开工作新局面。
        """;

    /// <summary>The seed's 六、其他需要报告的事项, verbatim.</summary>
    public const string SeedOtherMatters = "北京市东城区人民政府门户网站（“数字东城”）网址为http://www.bjdch.gov.cn/，如需了解更多政府信息，请登录查询。";

    /// <summary>The seed's items name 政府信息公开指南（2020版）, published on 9 March 2020.</summary>
    public static readonly DateOnly GuideEffectiveOn = new(2020, 3, 9);

    /// <summary>The seed office attaches the full text to every fifth item, the departments to every twentieth.</summary>
    public const int SeedAttachmentEvery = 5;
    public const int DepartmentAttachmentEvery = 20;

    /// <param name="Files">Where the attached files are kept (the same store the item editor saves to).</param>
    public sealed record Request(string Actor, AttachmentStore Files);

    /// <summary>What one agency got: new records only (0 everywhere on a second run).</summary>
    public sealed record AgencyLine(string Name, bool Added, int Items, int Requests, int Appeals, int Article20Figures)
    {
        public int Attachments { get; init; }

        public bool GuidePublished { get; init; }

        public int ReportsPublished { get; init; }
    }

    public sealed record Response(IReadOnlyList<AgencyLine> Agencies)
    {
        public bool ChangedNothing => Agencies.All(a => !a.Added && a.Items + a.Requests + a.Appeals + a.Article20Figures + a.Attachments + a.ReportsPublished == 0 && !a.GuidePublished);
    }

    /// <summary>The agencies of the demo, the district first.</summary>
    public static IReadOnlyList<string> AgencyNames { get; } =
        [District, SeedOffice, .. Enumerable.Range(0, DepartmentCount).Select(n => Departments.For(District, "东", n).Name)];

    public static async Task<Result<Response>> HandleAsync(GongkaiDbContext db, TimeProvider clock, WorkCalendar calendar, Request request, CancellationToken cancellationToken = default)
    {
        var lines = new List<AgencyLine>();
        var district = await AddAsync(db, clock, District, null, request.Actor, cancellationToken);
        if (!district.TryGetValue(out var districtAdded))
        {
            return district.Problem;
        }

        lines.Add(new AgencyLine(District, districtAdded, 0, 0, 0, 0));
        var imports = new Importers(db, clock, calendar, request.Actor, cancellationToken);
        var seeded = await SeedOfficeAsync(imports, request.Files);
        if (!seeded.TryGetValue(out var office))
        {
            return seeded.Problem;
        }

        lines.Add(office);
        var generator = new RecordGenerator(new Random(Seed), calendar);
        for (var n = 0; n < DepartmentCount; n++)
        {
            var department = await DepartmentAsync(imports, request.Files, generator, Departments.For(District, "东", n));
            if (!department.TryGetValue(out var line))
            {
                return department.Problem;
            }

            lines.Add(line);
        }

        return new Response(lines);
    }

    /// <summary>The seed's office and its 2020 ledgers, read from this assembly's resources (samples/ledgers).</summary>
    /// <summary>
    /// The seed's office and its 2020 ledgers, read from this assembly's resources (samples/ledgers), its items with
    /// texts and files; its guide; its 2020 report published once every record is in.
    /// </summary>
    private static async Task<Result<AgencyLine>> SeedOfficeAsync(Importers imports, AttachmentStore files)
    {
        var added = await AddAsync(imports.Db, imports.Clock, SeedOffice, District, imports.Actor, imports.CancellationToken);
        if (!added.TryGetValue(out var isNew))
        {
            return added.Problem;
        }

        var ledger = Embedded("seed-2020-items.csv");
        var rows = LedgerFile.Read(ledger.Bytes, ledger.Name).Select(r => ImportItems.Headers.Select(h => r[h]).ToArray()).ToList();
        var requests = await imports.RequestsAsync(SeedOffice, Embedded("seed-2020-requests.csv"));
        var items = await DemoItems.ImportAsync(imports, files, SeedOffice, ledger.Name, rows, SeedAttachmentEvery);
        var article20 = await imports.Article20Async(SeedOffice, SeedYear, Embedded("seed-2020-article20.csv"));
        var line = Combine(SeedOffice, isNew, items.Map(i => i.Items), requests, 0, article20);
        if (!line.TryGetValue(out var office))
        {
            return line.Problem;
        }

        if (isNew && await LetterSettingsAsync(imports, SeedOffice, "东外联", "综合科") is { } refused)
        {
            return refused;
        }

        var guide = await DemoPublications.GuideAsync(imports, SeedOffice, "综合科");
        var report = await DemoPublications.ReportAsync(imports, SeedOffice, SeedYear, SeedReportPublishedOn, SeedProblems, SeedOtherMatters);
        return guide.Bind(g => report.Map(r => office with { Attachments = items.Value.Attachments, GuidePublished = g, ReportsPublished = r }));
    }

    /// <summary>A generated department: for each year its items, applications and 第二十条 figures, then its cases.</summary>
    private static async Task<Result<AgencyLine>> DepartmentAsync(Importers imports, AttachmentStore files, RecordGenerator generator, DepartmentProfile department)
    {
        var added = await AddAsync(imports.Db, imports.Clock, department.Name, District, imports.Actor, imports.CancellationToken);
        if (!added.TryGetValue(out var isNew))
        {
            return added.Problem;
        }

        var items = new List<string[]>();
        var requests = new List<string[]>();
        var appeals = new List<string[]>();
        var article20 = new List<(int Year, List<string[]> Rows)>();
        var people = new List<string>();
        var carried = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var year = FirstYear; year <= LastYear; year++)
        {
            var yearItems = Enumerable.Range(1, (int)(40 * department.Scale) + generator.Next(10)).Select(n => generator.Item(year, n, department)).ToList();
            items.AddRange(yearItems.Select(i => i.Cells()));
            for (var n = 1; n <= (int)(18 * department.Scale) + generator.Next(8); n++)
            {
                // One applicant in four has applied before (the fingerprint finds them again).
                var person = people.Count > 0 && generator.Next(4) == 0 ? people[generator.Next(people.Count)] : generator.IdentityNumber();
                people.Add(person);
                var request = generator.Request($"{year}-{n:D3}", year, department, person);
                requests.Add(request);
                if (RecordGenerator.IsRefusal(request[7]) && generator.Next(8) == 0)
                {
                    appeals.Add(generator.Appeal("京东政复", appeals.Count + 1, request[0], DateInput.Parse(request[8])!.Value, new DateOnly(LastYear, 12, 31)));
                }
            }

            var format = ReportFormats.DefaultForYear(year);
            article20.Add((year, generator.Article20(format, yearItems.Count(i => i.CategoryPath == "规范性文件"), yearItems.Count(i => i.CategoryPath == "政府集中采购"), department.Scale, carried)));
        }

        var requestCount = await imports.RequestsAsync(department.Name, Importers.Csv("requests.csv", LedgerRecords.AllHeaders, requests));
        var itemCount = await DemoItems.ImportAsync(imports, files, department.Name, "items.csv", items, DepartmentAttachmentEvery);
        var appealCount = await imports.AppealsAsync(department.Name, Importers.Csv("appeals.csv", ImportAppeals.Headers, appeals));
        var figures = 0;
        foreach (var (year, rows) in article20)
        {
            var imported = await imports.Article20Async(department.Name, year, Importers.Csv($"article20-{year}.csv", ImportArticle20.Headers, rows));
            if (!imported.TryGetValue(out var count))
            {
                return imported.Problem;
            }

            figures += count;
        }

        var combined = appealCount.Bind(cases => Combine(department.Name, isNew, itemCount.Map(i => i.Items), requestCount, cases, figures));
        if (!combined.TryGetValue(out var line))
        {
            return combined.Problem;
        }

        if (isNew && await LetterSettingsAsync(imports, department.Name, department.Abbreviation, department.Divisions[0]) is { } refused)
        {
            return refused;
        }

        var guide = await DemoPublications.GuideAsync(imports, department.Name, department.Divisions[0]);
        return guide.Map(g => line with { Attachments = itemCount.Value.Attachments, GuidePublished = g });
    }

    private static Result<AgencyLine> Combine(string name, bool added, Result<int> items, Result<int> requests, int appeals, Result<int> article20) =>
        items.Bind(i => requests.Bind(r => article20.Map(a => new AgencyLine(name, added, i, r, appeals, a))));

    /// <summary>
    /// The demo's letter settings of a department of the district (spec/letters.md §2, §4): its abbreviation as the
    /// 文号 prefix, the division its guide names as the 政府信息公开工作机构, the district government as the 复议机关
    /// (行政复议法 2023 Art 24¶1(一)) and the district's basic court by the general rule of 行政诉讼法 Art 18 (an agency
    /// whose cases a 集中管辖 arrangement sends elsewhere sets that court).
    /// </summary>
    private static async Task<Problem?> LetterSettingsAsync(Importers imports, string agencyName, string prefix, string office)
    {
        var agencyId = await imports.Db.Agencies.Where(a => a.Name == agencyName).Select(a => a.Id).SingleAsync(imports.CancellationToken);
        var settings = GetLetterSettings.Default(agencyName) with
        {
            NumberPrefix = prefix,
            ReconsiderationBody = District + "人民政府",
            Court = District + "人民法院",
            OfficeName = agencyName + office,
        };
        var saved = await SaveLetterSettings.HandleAsync(imports.Db, imports.Clock, new SaveLetterSettings.Request(agencyId, settings, imports.Actor), imports.CancellationToken);
        return saved.IsSuccess ? null : saved.Problem;
    }

    /// <summary>Adds an agency; one already there (a second run) is no error.</summary>
    private static async Task<Result<bool>> AddAsync(GongkaiDbContext db, TimeProvider clock, string name, string? parent, string actor, CancellationToken cancellationToken)
    {
        var added = await AddAgency.HandleAsync(db, clock, new AddAgency.Request(name, parent, actor), cancellationToken);
        return added.IsSuccess ? true : added.Problem.Code == "agency.duplicate" ? false : added.Problem;
    }

    internal static (string Name, byte[] Bytes) Embedded(string name)
    {
        using var stream = typeof(SeedDemo).Assembly.GetManifestResourceStream("Gongkai.Demo." + name)
            ?? throw new InvalidOperationException($"The demo resource {name} is not embedded (Gongkai.Core.csproj).");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return (name, copy.ToArray());
    }
}
