using CsCheck;
using Gongkai.Domain.AnnualReports;
using Gongkai.Domain.AnnualReports.Layout;
using Gongkai.Domain.AnnualReports.Rules;

namespace Gongkai.Core.Tests;

/// <summary>Reports made in code: a fixed 2021 example, and random consistent reports for property tests.</summary>
internal static class ExampleReports
{
    private static readonly string[] Results = ["upheld", "corrected", "other", "pending"];

    private static readonly string[] Applicants = ["naturalPerson", "commercialEnterprise", "researchInstitution", "publicWelfareOrganization", "legalServiceInstitution", "otherOrganization"];

    /// <summary>A 2021-format report of a fictional agency whose figures satisfy R1–R4.</summary>
    public static AnnualReport V2021Example()
    {
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var layout = ReportLayouts.V2021;
        foreach (var cell in layout.Cells)
        {
            values[cell.Key] = 0;
        }

        void Row(string row, params int[] cells)
        {
            for (var i = 0; i < Applicants.Length; i++)
            {
                values[$"requests.{row}.{Applicants[i]}"] = cells[i];
            }
        }

        Row("received", 12, 3, 0, 1, 2, 1);
        Row("carriedIn", 2, 0, 0, 0, 0, 0);
        Row("disclosed", 6, 1, 0, 0, 1, 0);
        Row("partlyDisclosed", 2, 1, 0, 0, 0, 0);
        Row("withheld.thirdPartyRights", 1, 0, 0, 0, 0, 0);
        Row("withheld.processInformation", 0, 0, 0, 1, 0, 0);
        Row("cannotProvide.notHeld", 3, 1, 0, 0, 0, 1);
        Row("notProcessed.repeated", 1, 0, 0, 0, 0, 0);
        Row("other.noSupplement", 0, 0, 0, 0, 1, 0);
        Row("carriedOut", 1, 0, 0, 0, 0, 0);
        CompleteTotals(layout, values);

        values["appeals.reconsideration.upheld"] = 1;
        values["appeals.reconsideration.pending"] = 1;
        values["appeals.litigationDirect.upheld"] = 1;
        CompleteAppealTotals(layout, values);

        values["article20.normativeDocuments.issued"] = 2;
        values["article20.normativeDocuments.repealed"] = 1;
        values["article20.normativeDocuments.inForce"] = 15;
        values["article20.licensing.decisions"] = 1203;
        values["article20.penalty.decisions"] = 87;
        values["article20.coercion.decisions"] = 3;
        values["article20.fees.amount"] = 12.3456m;

        var texts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["text.overview"] = "2023年，本局共主动公开政府信息126条。\n2023年，本局新收政府信息公开申请19件，上年结转政府信息公开申请2件，办结20件，结转下年度继续办理1件。因政府信息公开被申请行政复议2件，被提起行政诉讼1件。",
            ["text.problems"] = "1.依申请公开答复文书的规范性有待提高。\n2.主动公开的及时性需进一步加强。",
            ["text.other"] = "本年度未收取信息处理费。",
        };
        return new AnnualReport(ReportFormat.V2021, "示例市示例区数据局", 2023, values, new HashSet<string>(), texts);
    }

    /// <summary>Fills the 总计 column of 三 and row （七）总计 from the leaves, and 总计 of 四.</summary>
    public static void CompleteTotals(ReportLayout layout, Dictionary<string, decimal> values)
    {
        foreach (var applicant in Applicants)
        {
            values["requests.total." + applicant] = ConsistencyRules.OutcomeLeaves(layout).Sum(l => values.GetValueOrDefault(l.Path + "." + applicant));
        }

        foreach (var row in layout.Requests.DataRows.Where(r => r.Row.HasCells))
        {
            values[row.Path + ".total"] = Applicants.Sum(a => values.GetValueOrDefault(row.Path + "." + a));
        }
    }

    public static void CompleteAppealTotals(ReportLayout layout, Dictionary<string, decimal> values)
    {
        foreach (var kind in layout.Appeals.DataRows)
        {
            values[kind.Path + ".total"] = Results.Sum(r => values.GetValueOrDefault(kind.Path + "." + r));
        }
    }

    /// <summary>
    /// Random reports that satisfy R1–R4, in either format, with amounts of four decimals, signed changes,
    /// the seed's optional sub-rows in half of the 2019 reports, and a few blank cells.
    /// </summary>
    public static Gen<AnnualReport> Consistent { get; } =
        from is2019 in Gen.Bool
        from seed in Gen.Int
        select Build(is2019 ? ReportFormat.V2019 : ReportFormat.V2021, new Random(seed));

    private static AnnualReport Build(ReportFormat format, Random random)
    {
        var layout = ReportLayout.For(format);
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var blanks = new HashSet<string>(StringComparer.Ordinal);
        foreach (var leaf in ConsistencyRules.OutcomeLeaves(layout))
        {
            foreach (var applicant in Applicants)
            {
                values[leaf.Path + "." + applicant] = random.Next(4) == 0 ? random.Next(0, 60) : 0;
            }
        }

        CompleteTotals(layout, values);
        foreach (var applicant in Applicants)
        {
            var total = values["requests.total." + applicant];
            var carriedOut = random.Next(0, 6);
            var carriedIn = random.Next(0, (int)Math.Min(5, total + carriedOut) + 1);
            values["requests.carriedOut." + applicant] = carriedOut;
            values["requests.carriedIn." + applicant] = carriedIn;
            values["requests.received." + applicant] = total + carriedOut - carriedIn;
        }

        CompleteTotals(layout, values);
        foreach (var kind in layout.Appeals.DataRows)
        {
            foreach (var result in Results)
            {
                values[kind.Path + "." + result] = random.Next(0, 4);
            }
        }

        CompleteAppealTotals(layout, values);
        var withSubRows = random.Next(2) == 0;
        foreach (var cell in layout.Cells.Where(c => c.Table.Section == 2))
        {
            var isSubRow = cell.Row.Row.IsLocalVariant;
            var hasSubRows = cell.Row.Row.Children.Any(c => c.IsLocalVariant);
            if ((isSubRow && !withSubRows) || (hasSubRows && withSubRows))
            {
                continue;
            }

            values[cell.Key] = cell.Kind switch
            {
                CellKind.Amount => new decimal(random.Next(0, 100_000_000), 0, 0, false, 4),
                CellKind.SignedCount => random.Next(-50, 51),
                _ => random.Next(0, 500),
            };
        }

        // A few cells printed blank.
        foreach (var cell in layout.Cells.Where(c => values.ContainsKey(c.Key) && random.Next(40) == 0))
        {
            values.Remove(cell.Key);
            blanks.Add(cell.Key);
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["text.overview"] = "本机关依法做好政府信息公开工作。",
            ["text.problems"] = "存在的问题及改进措施。",
            ["text.other"] = "无其他需要报告的事项。",
        };
        return new AnnualReport(format, "随机测试机关", format == ReportFormat.V2019 ? 2020 : 2022, values, blanks, texts);
    }
}
