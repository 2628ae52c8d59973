using System.Globalization;
using System.Text;

namespace Gongkai.Core.Features.Requests;

/// <summary>
/// Plausible generated 台账 in the import format (for demos, tests and benchmarks): valid identity numbers with
/// their GB 11643 check characters, the four channels, all six applicant kinds, outcomes from every group of the
/// report, a tenth still open, 答复理由 for the outcomes that need reasons (<see cref="ReasonsFor"/>). The same seed
/// gives the same file.
/// </summary>
public static class LedgerSample
{
    private static readonly string[] Channels = ["当面", "信函", "网络", "传真", "网上申请"];
    private static readonly string[] Kinds = ["自然人", "自然人", "自然人", "自然人", "自然人", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"];
    private static readonly string[] Outcomes =
    [
        "予以公开", "予以公开", "予以公开", "部分公开", "属于国家秘密", "保护第三方合法权益", "属于四类过程性信息",
        "本机关不掌握相关政府信息", "没有现成信息需要另行制作", "信访举报投诉类申请", "重复申请", "其他处理",
    ];

    public static string Csv(int rows, int seed = 1, int firstYear = 2020)
    {
        var random = new Random(seed);
        var csv = new StringBuilder(rows * 160);
        csv.Append(string.Join(',', LedgerRecords.AllHeaders)).Append('\n');
        var c = CultureInfo.InvariantCulture;
        for (var i = 1; i <= rows; i++)
        {
            var received = new DateOnly(firstYear, 1, 2).AddDays(random.Next(0, 700));
            var kind = Kinds[random.Next(Kinds.Length)];
            var person = kind == "自然人";
            var id = person ? IdentityNumberFor(random) : random.Next(2) == 0 ? "91350100M000100Y43" : "";
            var open = random.Next(10) == 0;
            var outcome = open ? "" : Outcomes[random.Next(Outcomes.Length)];
            var replied = open ? "" : received.AddDays(random.Next(1, 35)).ToString("yyyy-MM-dd", c);
            csv.Append(c, $"G-{i:D7},{received:yyyy-MM-dd},{Channels[random.Next(Channels.Length)]},{kind},")
               .Append(person ? $"申请人{i.ToString(c)}" : $"某某{kind}{i.ToString(c)}").Append(',')
               .Append(id).Append(',')
               .Append(c, $"\"关于{received.Year}年第{random.Next(1, 300)}号文件的信息，含附件\"")
               .Append(',').Append(outcome).Append(',').Append(replied).Append(',').Append(ReasonsFor(outcome)).Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>
    /// Plausible 答复理由 for a ledger outcome label that needs reasons on import (ReplyParticularsRule.CheckImported),
    /// empty otherwise. Fixed texts, drawing nothing from the random sequence, so the other columns stay as they were.
    /// </summary>
    public static string ReasonsFor(string outcomeLabel) => outcomeLabel switch
    {
        "" => "",
        "部分公开" => "申请的信息中涉及第三方个人信息的部分，公开会对第三方合法权益造成损害，不予公开（条例第十五条）",
        "属于国家秘密" => "申请的信息经依法确定为国家秘密，不予公开（条例第十四条）",
        "其他法律行政法规禁止公开" => "申请的信息属于法律、行政法规禁止公开的政府信息（条例第十四条）",
        "危及“三安全一稳定”" => "申请的信息公开后可能危及国家安全、公共安全、经济安全和社会稳定（条例第十四条）",
        "保护第三方合法权益" => "申请的信息涉及第三方商业秘密，第三方不同意公开（条例第十五条、第三十二条）",
        "属于三类内部事务信息" => "申请的信息属于人事管理、后勤管理、内部工作流程等内部事务信息（条例第十六条第一款）",
        "属于四类过程性信息" => "申请的信息属于讨论记录、过程稿、磋商信函、请示报告等过程性信息（条例第十六条第二款）",
        "属于行政执法案卷" => "申请的信息属于行政执法案卷信息（条例第十六条第二款）",
        "属于行政查询事项" => "申请的信息属于行政查询事项，请按不动产登记资料查询程序办理",
        "补正后申请内容仍不明确" => "补正后仍未明确所需信息的名称、文号或者便于查询的其他特征性描述",
        "无正当理由大量反复申请" => "申请人在短期内就同一事项提出大量申请，经要求说明理由后，理由不合理（条例第三十五条）",
        "其他处理" => "申请人撤回申请",
        _ => "",
    };

    /// <summary>A valid 18-character 居民身份证号码 (GB 11643-1999: ISO 7064 MOD 11-2 check character).</summary>
    public static string IdentityNumberFor(Random random)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(random.Next(0, 20_000));
        var body = string.Create(CultureInfo.InvariantCulture, $"110101{birth:yyyyMMdd}{random.Next(0, 1000):D3}");
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (body[i] - '0') * weights[i];
        }

        return body + "10X98765432"[sum % 11];
    }
}
