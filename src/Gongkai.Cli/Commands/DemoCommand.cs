using System.CommandLine;
using System.Globalization;
using Gongkai.Core.Data;
using Gongkai.Core.Data.Files;
using Gongkai.Core.Features.Demo;

namespace Gongkai.Cli.Commands;

/// <summary>
/// <c>gongkai demo [--db …]</c>: 北京市东城区, the seed's office with its 2020 records (report published) and a few
/// departments; attached files go beside the SQLite file (<c>files/</c>), as the site keeps them.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = DatabaseOption.Create();
        var demo = new Command("demo", $"创建演示数据：{SeedDemo.District}及其所属部门（含{SeedDemo.SeedOffice}{SeedDemo.SeedYear}年的记录）；可重复运行，已有的数据不作更改") { db };
        demo.SetAction(async (result, cancellationToken) =>
        {
            if (DatabaseOption.LoadCalendar(stderr) is not { } calendar)
            {
                return GongkaiCli.Unusable;
            }

            await using var context = await DatabaseOption.OpenAsync(result.GetValue(db), stderr, cancellationToken);
            if (context is null)
            {
                return GongkaiCli.Unusable;
            }

            var seeded = await SeedDemo.HandleAsync(context, TimeProvider.System, calendar, new SeedDemo.Request(DatabaseOption.Actor,
                AttachmentStore.ForDatabase(DatabaseTarget.Resolve(result.GetValue(db)))), cancellationToken);
            if (!seeded.TryGetValue(out var response))
            {
                return GongkaiCli.Refused(seeded.Problem, stderr);
            }

            Print(response, stdout);
            return GongkaiCli.Ok;
        });
        return demo;
    }

    private static void Print(SeedDemo.Response response, TextWriter stdout)
    {
        var c = CultureInfo.InvariantCulture;
        if (response.ChangedNothing)
        {
            stdout.WriteLine($"演示数据已存在（{SeedDemo.District}及所属{(response.Agencies.Count - 1).ToString(c)}个部门），未作更改");
        }
        else
        {
            stdout.WriteLine($"已创建演示数据：{SeedDemo.District}（上级机关）及所属{(response.Agencies.Count - 1).ToString(c)}个部门，{SeedDemo.FirstYear.ToString(c)}—{SeedDemo.LastYear.ToString(c)}年");
            foreach (var line in response.Agencies.Skip(1))
            {
                stdout.WriteLine($"  {line.Name}{(line.Added ? "" : "（已存在）")}：主动公开信息{line.Items.ToString(c)}条，政府信息公开申请{line.Requests.ToString(c)}件，" +
                    $"行政复议和行政诉讼案件{line.Appeals.ToString(c)}件，第二十条统计数值{line.Article20Figures.ToString(c)}个");
            }

            var all = response.Agencies;
            stdout.WriteLine($"合计：机关{all.Count(a => a.Added).ToString(c)}个，信息{all.Sum(a => a.Items).ToString(c)}条，申请{all.Sum(a => a.Requests).ToString(c)}件，" +
                $"案件{all.Sum(a => a.Appeals).ToString(c)}件，第二十条数值{all.Sum(a => a.Article20Figures).ToString(c)}个");
            stdout.WriteLine($"已公开：政府信息公开指南{all.Count(a => a.GuidePublished).ToString(c)}份，年度报告{all.Sum(a => a.ReportsPublished).ToString(c)}份，" +
                $"信息附件{all.Sum(a => a.Attachments).ToString(c)}个");
        }

        // The seed office's report is published by now: its status (hash verified) rather than a new draft.
        var year = SeedDemo.SeedYear.ToString(c);
        stdout.WriteLine($"查看年度报告：gongkai report status --agency {SeedDemo.SeedOffice} --year {year}");
        stdout.WriteLine($"写出报告文件：gongkai report build --agency {SeedDemo.SeedOffice} --year {year} --dry-run --out {year}.pdf");
    }
}
