using System.Text;
using Gongkai.Core.Documents;

namespace Gongkai.Core.Tests.Documents;

public sealed class EncodingTests
{
    public static TheoryData<string> Encodings => ["utf-8", "utf-8-bom", "gb18030", "gbk", "utf-16-bom"];

    private static byte[] Encode(string text, string encoding) => encoding switch
    {
        "utf-8" => Encoding.UTF8.GetBytes(text),
        "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        "gb18030" => TextDecoding.Gb18030.GetBytes(text),
        "gbk" => Encoding.GetEncoding(936).GetBytes(text),
        "utf-16-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Seed_InEachEncoding_DetectedAndReadTheSame(string encoding)
    {
        var expected = new SeedCopy().Parse().Report;
        _ = TextDecoding.Gb18030; // registers the code-page provider for "gbk"

        var parsed = ReportFile.Read(Encode(Samples.SeedText, encoding), "seed.txt");

        Assert.Equal(expected.Values.OrderBy(v => v.Key), parsed.Report.Values.OrderBy(v => v.Key));
        Assert.Equal("北京市东城区对外联络服务办公室", parsed.Report.Agency);
        Assert.Empty(parsed.Findings);
    }

    [Fact]
    public void Decode_Gb18030Bytes_NotValidUtf8_DetectedAsGb18030()
    {
        var bytes = TextDecoding.Gb18030.GetBytes("政府信息公开");

        var text = TextDecoding.Decode(bytes, out var detected);

        Assert.Equal("政府信息公开", text);
        Assert.Equal(54936, detected.CodePage);
    }

    [Fact]
    public void Read_FullWidthDigitsAndPunctuation_ReadAsHalfWidth()
    {
        var text = new SeedCopy()
            .Cell(SeedCopy.ReceivedNaturalPerson, "１")
            .Cell(SeedCopy.ProcurementAmount, "０．５９５０")
            .Text;

        var parsed = ReportFile.Read(Encoding.UTF8.GetBytes(text), "seed.txt");

        Assert.Equal(1m, parsed.Report.Values["requests.received.naturalPerson"]);
        Assert.Equal("0.5950", parsed.Report.Values["article20.procurement.amount"].ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
