using System.CommandLine;
using System.Globalization;
using Gongkai.Core.Features.Proactive;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Common;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai guide publish|show</c>: the agency's 政府信息公开指南, versioned (条例 Art 12).</summary>
internal static class GuideCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = DatabaseOption.Create();
        var agency = new Option<string>("--agency") { Description = "机关全称", Required = true };
        var file = new Argument<string>("file") { Description = "指南正文（Markdown 文本文件，第一行为标题）" };
        var effective = new Option<string?>("--date") { Description = "公开日期（默认今天）" };
        var publish = new Command("publish", "发布新版政府信息公开指南（旧版保留）") { file, agency, effective, db };
        publish.SetAction(async (result, cancellationToken) =>
        {
            if (await TextFile.ReadAsync(result.GetValue(file)!, stderr, cancellationToken) is not { } text)
            {
                return GongkaiCli.Unusable;
            }

            var date = result.GetValue(effective) is { } d ? DateInput.Parse(d) : ChinaClock.Today(TimeProvider.System);
            if (date is null)
            {
                stderr.WriteLine($"「{result.GetValue(effective)}」不是日期");
                return GongkaiCli.Unusable;
            }

            return await DatabaseOption.WithAgencyAsync(result.GetValue(db), result.GetValue(agency)!, stderr, async (context, found) =>
            {
                var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', 2);
                var title = lines[0].TrimStart('#', ' ');
                var published = await PublishGuide.HandleAsync(context, TimeProvider.System,
                    new PublishGuide.Request(found.Id, title, lines.Length > 1 ? lines[1] : "", date.Value, DatabaseOption.Actor), cancellationToken);
                if (!published.TryGetValue(out var guide))
                {
                    return GongkaiCli.Refused(published.Problem, stderr);
                }

                stdout.WriteLine($"当前指南：第{guide.Version.ToString(CultureInfo.InvariantCulture)}版《{guide.Title}》");
                return GongkaiCli.Ok;
            }, cancellationToken);
        });

        var showDb = DatabaseOption.Create();
        var showAgency = new Option<string>("--agency") { Description = "机关全称", Required = true };
        var version = new Option<int?>("--version") { Description = "版本号（默认当前版）" };
        var show = new Command("show", "显示政府信息公开指南") { showAgency, version, showDb };
        show.SetAction(async (result, cancellationToken) =>
            await DatabaseOption.WithAgencyAsync(result.GetValue(showDb), result.GetValue(showAgency)!, stderr, async (context, found) =>
            {
                var guide = result.GetValue(version) is { } v
                    ? await PublishGuide.VersionAsync(context, found.Id, v, cancellationToken)
                    : await PublishGuide.CurrentAsync(context, found.Id, cancellationToken);
                if (guide is null)
                {
                    return GongkaiCli.Refused(Problem.NotFound("guide.notFound", "没有找到该机关的这一版指南"), stderr);
                }

                stdout.WriteLine($"# {guide.Title}（第{guide.Version.ToString(CultureInfo.InvariantCulture)}版，{guide.EffectiveOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}起）");
                stdout.WriteLine(guide.Text);
                return GongkaiCli.Ok;
            }, cancellationToken));

        return new Command("guide", "政府信息公开指南") { publish, show };
    }
}
