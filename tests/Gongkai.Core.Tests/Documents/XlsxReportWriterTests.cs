using Gongkai.Core.Documents;
using MiniExcelLibs;

namespace Gongkai.Core.Tests.Documents;

public sealed class XlsxReportWriterTests
{
    [Fact]
    public void Write_Seed_SheetsPerTableAndEveryCellByKey()
    {
        var seed = new SeedCopy().Parse().Report;

        var bytes = XlsxReportWriter.Write(seed);

        using var stream = new MemoryStream(bytes);
        Assert.Equal(["二", "三", "四", "单元格"], stream.GetSheetNames());
        var cells = stream.Query(useHeaderRow: false, sheetName: "单元格").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(seed.Values.Count, cells.Count);
        var amount = cells.Single(r => (string?)r["A"] == "article20.procurement.amount");
        Assert.Equal(0.595m, Convert.ToDecimal(amount["B"], System.Globalization.CultureInfo.InvariantCulture));
        var table = stream.Query(useHeaderRow: false, sheetName: "三").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(table, r => r.Values.Contains("一、本年新收政府信息公开申请数量"));
    }
}
