namespace Gongkai.Domain.AnnualReports.Layout;

/// <summary>
/// The 2019 (国办公开办函〔2019〕60号) and 2021 (国办公开办函〔2021〕30号) formats, label for label as in
/// spec/annual-report-format.md §1–§4 and keyed as in spec/report-json.md.
/// </summary>
public static class ReportLayouts
{
    private static SectionSpec[] Sections =>
    [
        new(1, "一、总体情况", CellKey.Overview, []),
        new(2, "二、主动公开政府信息情况", null, []),
        new(3, "三、收到和处理政府信息公开申请情况", null, []),
        new(4, "四、政府信息公开行政复议、行政诉讼情况", null, ["四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"]),
        new(5, "五、存在的主要问题及改进情况", CellKey.Problems, ["五、政府信息公开工作存在的主要问题及改进情况"]),
        new(6, "六、其他需要报告的事项", CellKey.OtherMatters, []),
    ];

    private static string[] Article20Header => ["信息内容"];

    private static IEnumerable<TableSpec> Article20V2019()
    {
        ColumnSpec[] changes =
        [
            new("previous", "上一年项目数量"),
            new("change", "本年增/减", CellKind.SignedCount),
            new("decisions", "处理决定数量"),
        ];
        yield return new TableSpec(
            "article20.1", 2, CellKey.Article20Prefix, "第二十条第（一）项",
            [new("made", "本年新制作数量"), new("published", "本年新公开数量"), new("total", "对外公开总数量")],
            [new("rules", "规章"), new("normativeDocuments", "规范性文件")],
            Article20Header);
        yield return new TableSpec(
            "article20.5", 2, CellKey.Article20Prefix, "第二十条第（五）项",
            changes,
            [
                new("licensing", "行政许可"),
                new("otherServices", "其他对外管理服务事项",
                [
                    new("inspection", "行政检查", isLocalVariant: true),
                    new("confirmation", "行政确认", isLocalVariant: true),
                ]),
            ],
            Article20Header);
        yield return new TableSpec(
            "article20.6", 2, CellKey.Article20Prefix, "第二十条第（六）项",
            changes,
            [new("penalty", "行政处罚"), new("coercion", "行政强制")],
            Article20Header);
        yield return new TableSpec(
            "article20.8", 2, CellKey.Article20Prefix, "第二十条第（八）项",
            changes[..2],
            [new("fees", "行政事业性收费")],
            Article20Header);
        yield return new TableSpec(
            "article20.9", 2, CellKey.Article20Prefix, "第二十条第（九）项",
            // The national header is just 采购总金额; Beijing prints 采购总金额（万元，保留四位小数） (the seed).
            [new("count", "采购项目数量"), new("amount", "采购总金额", CellKind.Amount, ["采购总金额（万元，保留四位小数）", "采购总金额（万元）"])],
            [new("procurement", "政府集中采购")],
            Article20Header);
    }

    private static IEnumerable<TableSpec> Article20V2021()
    {
        ColumnSpec[] decisions = [new("decisions", "本年处理决定数量")];
        yield return new TableSpec(
            "article20.1", 2, CellKey.Article20Prefix, "第二十条第（一）项",
            [new("issued", "本年制发件数"), new("repealed", "本年废止件数"), new("inForce", "现行有效件数")],
            [new("rules", "规章"), new("normativeDocuments", "行政规范性文件", aliases: ["规范性文件"])],
            Article20Header);
        yield return new TableSpec(
            "article20.5", 2, CellKey.Article20Prefix, "第二十条第（五）项",
            decisions,
            [new("licensing", "行政许可")],
            Article20Header);
        yield return new TableSpec(
            "article20.6", 2, CellKey.Article20Prefix, "第二十条第（六）项",
            decisions,
            [new("penalty", "行政处罚"), new("coercion", "行政强制")],
            Article20Header);
        yield return new TableSpec(
            "article20.8", 2, CellKey.Article20Prefix, "第二十条第（八）项",
            [new("amount", "本年收费金额（单位：万元）", CellKind.Amount, ["本年收费金额"])],
            [new("fees", "行政事业性收费")],
            Article20Header);
    }

    /// <summary>The seven applicant columns of section 三 (identical in both formats).</summary>
    public static IReadOnlyList<ColumnSpec> ApplicantColumns { get; } =
    [
        new("naturalPerson", "自然人"),
        new("commercialEnterprise", "商业企业"),
        new("researchInstitution", "科研机构"),
        new("publicWelfareOrganization", "社会公益组织"),
        new("legalServiceInstitution", "法律服务机构"),
        new("otherOrganization", "其他"),
        new("total", "总计"),
    ];

    /// <summary>The rule the format prints in the top-left cell of table 三 (R1).</summary>
    public const string RequestsStatedRule = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    private static TableSpec Requests(ReportFormat format)
    {
        RowSpec other = format == ReportFormat.V2019
            ? new("other", "（六）其他处理")
            : new("other", "（六）其他处理",
            [
                new("noSupplement", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
                new("feeNotPaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
                new("other", "3.其他"),
            ]);
        return new TableSpec(
            CellKey.RequestsPrefix, 3, CellKey.RequestsPrefix, null,
            ApplicantColumns,
            [
                new("received", "一、本年新收政府信息公开申请数量"),
                new("carriedIn", "二、上年结转政府信息公开申请数量"),
                new("", "三、本年度办理结果",
                [
                    new("disclosed", "（一）予以公开"),
                    new("partlyDisclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", aliases: ["（二）部分公开"]),
                    new("withheld", "（三）不予公开",
                    [
                        new("stateSecret", "1.属于国家秘密"),
                        new("prohibitedByLaw", "2.其他法律行政法规禁止公开"),
                        new("securityStability", "3.危及“三安全一稳定”"),
                        new("thirdPartyRights", "4.保护第三方合法权益"),
                        new("internalAffairs", "5.属于三类内部事务信息"),
                        new("processInformation", "6.属于四类过程性信息"),
                        new("enforcementCaseFile", "7.属于行政执法案卷"),
                        new("administrativeQuery", "8.属于行政查询事项"),
                    ]),
                    new("cannotProvide", "（四）无法提供",
                    [
                        new("notHeld", "1.本机关不掌握相关政府信息"),
                        new("needsCreation", "2.没有现成信息需要另行制作"),
                        new("unclearAfterSupplement", "3.补正后申请内容仍不明确"),
                    ]),
                    new("notProcessed", "（五）不予处理",
                    [
                        new("petitionOrComplaint", "1.信访举报投诉类申请"),
                        new("repeated", "2.重复申请"),
                        new("publication", "3.要求提供公开出版物"),
                        new("excessive", "4.无正当理由大量反复申请"),
                        new("confirmOrReissue", "5.要求行政机关确认或重新出具已获取信息"),
                    ]),
                    other,
                    new("total", "（七）总计"),
                ]),
                new("carriedOut", "四、结转下年度继续办理"),
            ],
            [RequestsStatedRule, "申请人情况", "法人或其他组织"]);
    }

    private static TableSpec Appeals() => new(
        CellKey.AppealsPrefix, 4, CellKey.AppealsPrefix, null,
        [new("upheld", "结果维持"), new("corrected", "结果纠正"), new("other", "其他结果"), new("pending", "尚未审结"), new("total", "总计")],
        [new("reconsideration", "行政复议"), new("litigationDirect", "未经复议直接起诉"), new("litigationAfterReconsideration", "复议后起诉")],
        ["行政诉讼"],
        TableShape.SingleValueRow);

    // Declared last: static initializers run in text order and these use the members above.
    public static ReportLayout V2019 { get; } = new(ReportFormat.V2019, Sections, [.. Article20V2019(), Requests(ReportFormat.V2019), Appeals()]);

    public static ReportLayout V2021 { get; } = new(ReportFormat.V2021, Sections, [.. Article20V2021(), Requests(ReportFormat.V2021), Appeals()]);
}
