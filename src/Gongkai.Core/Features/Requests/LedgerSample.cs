using System.Globalization;
using System.Text;

namespace Gongkai.Core.Features.Requests;

/// <summary>
/// Plausible generated 台账 in the import format (for demos, tests and benchmarks): valid identity numbers with
/// their GB 11643 check characters, the four channels, all six applicant kinds, outcomes from every group of the
/// report, a tenth still open. The same seed gives the same file.
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
        csv.Append(string.Join(',', LedgerRecords.Headers)).Append('\n');
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
               .Append(',').Append(outcome).Append(',').Append(replied).Append('\n');
        }

        return csv.ToString();
    }

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
