namespace Gongkai.Domain.AnnualReports;

/// <summary>
/// The State Council's annual report formats: 国办公开办函〔2019〕60号 (试行, reports on 2019–2020) and
/// 国办公开办函〔2021〕30号 (reports on 2021 onward).
/// </summary>
public enum ReportFormat
{
    V2019,
    V2021,
}

public static class ReportFormats
{
    /// <summary>The format a report on <paramref name="year"/> is due in: 2019 format up to 2020, 2021 format after.</summary>
    public static ReportFormat DefaultForYear(int year) => year <= 2020 ? ReportFormat.V2019 : ReportFormat.V2021;

    /// <summary>The JSON and CLI spelling: "2019" or "2021".</summary>
    public static string Code(this ReportFormat format) => format == ReportFormat.V2019 ? "2019" : "2021";

    public static bool TryParse(string? text, out ReportFormat format)
    {
        switch (text?.Trim())
        {
            case "2019":
                format = ReportFormat.V2019;
                return true;
            case "2021":
                format = ReportFormat.V2021;
                return true;
            default:
                format = default;
                return false;
        }
    }
}
