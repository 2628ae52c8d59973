using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Core.Features.Proactive;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai proactive summary --agency NAME --year Y [--json]</c>: the year's 主动公开 in figures.</summary>
internal static class ProactiveCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = DatabaseOption.Create();
        var agency = new Option<string>("--agency") { Description = "机关全称", Required = true };
        var year = ReportCommand.YearOption();
        var json = new Option<bool>("--json") { Description = "输出 JSON（键 proactive.*，见 spec/report-json.md）" };
        var summary = new Command("summary", "主动公开情况：公开数量、各类别数量、全文电子化率、按时公开率（条例第二十六条）") { agency, year, json, db };
        summary.SetAction(async (result, cancellationToken) =>
        {
            return await DatabaseOption.WithAgencyAsync(result.GetValue(db), result.GetValue(agency)!, stderr, async (context, found) =>
            {
                if (await DatabaseOption.LoadCalendarAsync(context, stderr, cancellationToken) is not { } calendar)
                {
                    return GongkaiCli.Unusable;
                }

                var figures = await ProactiveSummaryQuery.HandleAsync(context, calendar, new ProactiveSummaryQuery.Request(found.Id, result.GetValue(year)), cancellationToken);
                if (result.GetValue(json))
                {
                    stdout.WriteLine(JsonSerializer.Serialize(figures, Json));
                    return GongkaiCli.Ok;
                }

                var c = CultureInfo.InvariantCulture;
                stdout.WriteLine($"{found.Name} {result.GetValue(year).ToString(c)}年主动公开情况");
                foreach (var (key, value) in figures)
                {
                    stdout.WriteLine($"{key}\t{value.ToString(c)}");
                }

                return GongkaiCli.Ok;
            }, cancellationToken);
        });

        return new Command("proactive", "主动公开") { summary };
    }
}
