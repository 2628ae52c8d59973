using System.Globalization;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Layout;
using Gongkai.Domain.Calendar;

namespace Gongkai.Core.Features.Demo;

/// <summary>One department's profile for generated records: what it is called and what it works on.</summary>
/// <param name="Name">Full official name, e.g. 北京市东城区教育委员会.</param>
/// <param name="Abbreviation">The short form in its document numbers, e.g. 东教 in 东教发〔2020〕3号.</param>
/// <param name="Subjects">What its documents and applications are about.</param>
/// <param name="Divisions">Its 科室.</param>
/// <param name="Scale">Records per year relative to an average department (1.0).</param>
public sealed record DepartmentProfile(string Name, string Abbreviation, IReadOnlyList<string> Subjects, IReadOnlyList<string> Divisions, double Scale);

/// <summary>A generated published item: the columns of <see cref="Proactive.ImportItems.Headers"/>, typed.</summary>
internal sealed record GeneratedItem(string Title, string DocumentNumber, string CategoryPath, string Topic, string Division, DateOnly FormedOn, DateOnly PublishedOn, bool FullText)
{
    /// <summary>The row as an items ledger holds it.</summary>
    public string[] Cells() =>
        [Title, DocumentNumber, CategoryPath, Topic, Division, RecordGenerator.Date(FormedOn), RecordGenerator.Date(PublishedOn), FullText ? "是" : "否"];
}

/// <summary>
/// Plausible records of a department in the import formats, from one seeded <see cref="Random"/>: the same seed
/// gives the same records. Shared by <c>gongkai demo</c> (a few departments, through the importers) and
/// <c>seed-bench</c> (volumes, bench/Gongkai.BenchData), so both show the same distributions: mostly natural persons, about a third
/// of replies 予以公开 and a fifth 本机关不掌握, replies within the Art 33 deadline (a few extended), applications of
/// late December answered in January (结转).
/// </summary>
internal sealed class RecordGenerator(Random random, WorkCalendar calendar)
{
    // Weights per applicant kind (report column order), as district departments' reports show them.
    private static readonly (string Label, int Weight)[] Kinds =
        [("自然人", 70), ("商业企业", 12), ("科研机构", 2), ("社会公益组织", 2), ("法律服务机构", 6), ("其他", 8)];

    // Leaf outcomes by the ledger's labels (the report's rows without numbering), weighted.
    private static readonly (string Label, int Weight)[] Outcomes =
    [
        ("予以公开", 34), ("部分公开", 12),
        ("属于国家秘密", 1), ("其他法律行政法规禁止公开", 1), ("危及“三安全一稳定”", 1), ("保护第三方合法权益", 2),
        ("属于三类内部事务信息", 2), ("属于四类过程性信息", 3), ("属于行政执法案卷", 2), ("属于行政查询事项", 2),
        ("本机关不掌握相关政府信息", 18), ("没有现成信息需要另行制作", 4), ("补正后申请内容仍不明确", 2),
        ("信访举报投诉类申请", 4), ("重复申请", 4), ("要求提供公开出版物", 1), ("无正当理由大量反复申请", 1),
        ("要求行政机关确认或重新出具已获取信息", 1), ("其他处理", 5),
    ];

    private static readonly (string Label, int Weight)[] Channels = [("网上申请", 60), ("信函", 25), ("当面", 13), ("传真", 2)];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "建国", "志强", "淑华"];
    private static readonly string[] Words = ["华信", "京东方圆", "永安", "恒通", "德润", "中和", "安泰", "瑞丰", "博远", "金诚", "天坛", "东华"];
    private static readonly string[] Asked = ["相关文件", "批复文件", "会议纪要", "资金使用情况", "审批材料", "检查记录", "统计数据", "实施方案"];

    /// <summary>Each item category path of the default tree with its weight among a department's items.</summary>
    private static readonly (string Path, int Weight)[] Categories =
    [
        ("业务动态", 46), ("规范性文件", 6), ("行政许可", 12), ("行政处罚", 10), ("行政事业性收费", 1), ("政府集中采购", 5),
        ("建议提案办理结果", 6), ("规划计划", 3), ("财政信息/预算", 1), ("财政信息/决算", 1), ("信息公开专栏/政府信息公开指南", 1),
        ("信息公开专栏/年度报告", 1), ("信息公开专栏/政府信息主动公开全清单", 1),
    ];

    private static readonly string[] Topics = ["疫情防控", "优化营商环境", "接诉即办", "对口支援", "“四个服务”"];

    /// <summary>The topics (重点领域) generated items may have.</summary>
    public static IReadOnlyList<string> TopicNames => Topics;

    /// <summary>A working day of <paramref name="year"/>, uniformly.</summary>
    public DateOnly WorkingDay(int year, int fromMonth = 1, int toMonth = 12)
    {
        var first = new DateOnly(year, fromMonth, 1);
        var span = new DateOnly(year, toMonth, 1).AddMonths(1).DayNumber - first.DayNumber;
        while (true)
        {
            var day = first.AddDays(random.Next(span));
            if (calendar.IsWorkingDay(day) is { IsSuccess: true, Value: true })
            {
                return day;
            }
        }
    }

    /// <summary>
    /// One application's ledger cells in <see cref="LedgerRecords.AllHeaders"/> order (答复理由 last, for the outcomes
    /// that need reasons, drawing nothing from the random sequence). Received on a working day of the
    /// year; answered within 20 working days (条例 Art 33), one in twelve after an extension of up to 20 more, so some
    /// of December's are answered in January and carried over. An answer past the calendar's end stays open.
    /// </summary>
    public string[] Request(string trackingNumber, int year, DepartmentProfile department, string? personIdentity)
    {
        var received = WorkingDay(year);
        var kind = Pick(Kinds);
        var person = kind == "自然人";
        var name = person ? Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)] : Organisation(kind);
        var subject = department.Subjects[random.Next(department.Subjects.Count)];
        var content = $"{received.Year.ToString(CultureInfo.InvariantCulture)}年{subject}的{Asked[random.Next(Asked.Length)]}";
        var workingDays = random.Next(12) == 0 ? random.Next(21, 41) : random.Next(3, 21);
        var replied = calendar.AddWorkingDays(received, workingDays);
        var outcome = replied.IsSuccess ? Pick(Outcomes) : "";
        return
        [
            trackingNumber, Date(received), Pick(Channels), kind, name, person ? personIdentity ?? "" : "", content, outcome,
            replied.IsSuccess ? Date(replied.Value) : "", LedgerSample.ReasonsFor(outcome),
        ];
    }

    /// <summary>One published item of <paramref name="year"/> (number <paramref name="n"/> of its year, which keeps titles apart).</summary>
    public GeneratedItem Item(int year, int n, DepartmentProfile department)
    {
        var path = Pick(Categories);
        var published = WorkingDay(year);
        // 条例 Art 26: published within 20 working days of being formed (about four weeks); one in twenty is late.
        var formed = published.AddDays(-(random.Next(20) == 0 ? random.Next(35, 60) : random.Next(0, 20)));
        var subject = department.Subjects[random.Next(department.Subjects.Count)];
        var y = year.ToString(CultureInfo.InvariantCulture);
        var number = n.ToString(CultureInfo.InvariantCulture);
        var (title, documentNumber) = path switch
        {
            "规范性文件" => ($"关于{subject}的通知（{y}年第{number}号）", $"{department.Abbreviation}发〔{y}〕{number}号"),
            "行政许可" => ($"{department.Name}行政许可决定公示（{y}年第{number}期）", ""),
            "行政处罚" => ($"行政处罚决定书（{department.Abbreviation}罚字〔{y}〕{number}号）", $"{department.Abbreviation}罚字〔{y}〕{number}号"),
            "政府集中采购" => ($"{department.Name}{subject}项目采购结果公告（{y}-{number}）", ""),
            "建议提案办理结果" => ($"对区第{number}号建议提案关于{subject}的答复", ""),
            "规划计划" => ($"{department.Name}{subject}工作计划（{y}年第{number}号）", ""),
            _ when path.Contains('/', StringComparison.Ordinal) => ($"{department.Name}{y}年{path[(path.IndexOf('/', StringComparison.Ordinal) + 1)..]}（{number}）", ""),
            _ => ($"{department.Name}开展{subject}工作（{y}年第{number}期）", ""),
        };
        var topic = path == "业务动态" && random.Next(5) == 0 ? Topics[random.Next(Topics.Length)] : "";
        var division = department.Divisions[random.Next(department.Divisions.Count)];
        return new GeneratedItem(title, documentNumber, path, topic, division, formed, published, random.Next(50) != 0);
    }

    /// <summary>
    /// A 行政复议 or 行政诉讼 case about a refused application, in <see cref="Appeals.ImportAppeals.Headers"/> order:
    /// filed within 60 days of the reply (行政复议法 Art 9), decided 1–4 months later unless past <paramref name="until"/>.
    /// </summary>
    public string[] Appeal(string caseNumberPrefix, int n, string trackingNumber, DateOnly repliedOn, DateOnly until)
    {
        var kind = random.Next(10) switch { < 7 => "行政复议", < 9 => "未经复议直接起诉", _ => "复议后起诉" };
        var filed = repliedOn.AddDays(random.Next(5, 60));
        var decided = filed.AddDays(random.Next(30, 120));
        var result = decided > until ? "尚未审结" : random.Next(10) switch { < 7 => "结果维持", < 9 => "结果纠正", _ => "其他结果" };
        var number = $"{caseNumberPrefix}〔{filed.Year.ToString(CultureInfo.InvariantCulture)}〕{n.ToString(CultureInfo.InvariantCulture)}号";
        return [number, kind, Date(filed), result, result == "尚未审结" ? "" : Date(decided), trackingNumber, "申请人不服政府信息公开答复"];
    }

    /// <summary>
    /// The 第二十条 figures of a year as <c>指标, 数值</c> rows by cell key, every cell of the format but the local
    /// sub-rows. 规范性文件 and 政府集中采购 agree with the year's items in those categories; project counts carry over
    /// (2019 format: last year's 上一年项目数量 + 本年增/减 = this year's, rule R9) through <paramref name="carried"/>, as
    /// do the documents in force. A district department makes no 规章 (条例 Art 20(一); only governments of cities
    /// with districts do).
    /// </summary>
    public List<string[]> Article20(ReportFormat format, int normativeDocuments, int procurements, double scale, Dictionary<string, int> carried)
    {
        var rows = new List<string[]>();
        var c = CultureInfo.InvariantCulture;
        foreach (var cell in ReportLayout.For(format).Cells.Where(c => c.Table.KeyPrefix == CellKey.Article20Prefix && !c.Row.Row.IsLocalVariant))
        {
            var row = cell.Row.Path;
            var isRules = row.EndsWith(".rules", StringComparison.Ordinal);
            var projects = carried.TryGetValue(row, out var before) ? before : carried[row] = random.Next(isRules ? 0 : 2, isRules ? 1 : 30);
            string value;
            switch (cell.Column.Key)
            {
                case "made" or "published" or "issued":
                    value = (isRules ? 0 : normativeDocuments).ToString(c);
                    break;
                case "repealed":
                    carried[row] = projects - (isRules || projects == 0 ? 0 : random.Next(2));
                    value = (projects - carried[row]).ToString(c);
                    break;
                case "total" or "inForce":
                    // The documents in force at the year's end: those before, plus the year's.
                    carried[row] += isRules ? 0 : normativeDocuments;
                    value = carried[row].ToString(c);
                    break;
                case "previous":
                    value = projects.ToString(c);
                    break;
                case "change":
                    var change = Math.Max(-projects, random.Next(-2, 4));
                    carried[row] = projects + change;
                    value = change.ToString(c);
                    break;
                case "decisions":
                    value = ((int)(random.Next(0, row.EndsWith(".coercion", StringComparison.Ordinal) ? 6 : 160) * scale)).ToString(c);
                    break;
                case "count":
                    value = procurements.ToString(c);
                    break;
                default:
                    // Amounts in 万元 with four decimals as Beijing prints them (采购总金额, 收费金额).
                    var count = cell.Row.Path.EndsWith(".procurement", StringComparison.Ordinal) ? procurements : random.Next(3);
                    value = (Enumerable.Range(0, count).Sum(_ => random.Next(5_000, 4_000_000)) / 10_000m).ToString("0.0000", c);
                    break;
            }

            rows.Add([cell.Key, value]);
        }

        return rows;
    }

    /// <summary>A valid GB 11643 identity number (shared with the ledger sample's generator).</summary>
    public string IdentityNumber() => LedgerSample.IdentityNumberFor(random);

    public int Next(int maxExclusive) => random.Next(maxExclusive);

    public int Next(int minInclusive, int maxExclusive) => random.Next(minInclusive, maxExclusive);

    /// <summary>Whether a reply's outcome is a refusal an applicant may appeal against.</summary>
    public static bool IsRefusal(string outcome) => outcome is not ("" or "予以公开" or "其他处理");

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Organisation(string kind)
    {
        var word = Words[random.Next(Words.Length)];
        return kind switch
        {
            "商业企业" => $"北京{word}科技有限公司",
            "科研机构" => $"{word}城市发展研究院",
            "社会公益组织" => $"北京{word}公益基金会",
            "法律服务机构" => $"北京市{word}律师事务所",
            _ => $"{word}小区业主委员会",
        };
    }

    private string Pick((string Label, int Weight)[] choices)
    {
        var total = 0;
        foreach (var (_, weight) in choices)
        {
            total += weight;
        }

        var roll = random.Next(total);
        foreach (var (label, weight) in choices)
        {
            if (roll < weight)
            {
                return label;
            }

            roll -= weight;
        }

        throw new InvalidOperationException("Unreachable: the roll is below the total weight.");
    }
}
