using System.CommandLine;
using System.Globalization;
using Gongkai.Core.Data.Files;
using Gongkai.Core.Documents.Letters;
using Gongkai.Core.Features.Letters;
using Gongkai.Domain.Letters;
using Gongkai.Domain.Requests;

namespace Gongkai.Cli.Commands;

/// <summary>
/// <c>gongkai letters list --agency NAME --request N [--db]</c>: the letters issued on application N (申请编号), oldest
/// first; <c>gongkai letters render --agency NAME --request N --kind KIND --out FILE.docx|.pdf|.html [--db]</c>: the
/// latest letter of the kind that no correction replaced, as issued, or the reply of a case an imported ledger closed
/// rebuilt from its records (marked; nothing is issued or stored). Kinds as spec/letters.md §1 names them. Exit 0
/// fine, 2 the input is unusable (or the reconstruction lacks a setting), 3 no such agency, application or letter.
/// </summary>
internal static class LettersCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr) =>
        new("letters", "文书：列出和打印依申请公开的告知书、答复书等") { List(stdout, stderr), Render(stdout, stderr) };

    private static Option<string> Agency() => new("--agency") { Description = "机关全称", Required = true };

    private static Option<string> RequestNumber() => new("--request") { Description = "申请编号", Required = true };

    private static string KindNames => string.Join('、', Enum.GetValues<LetterKind>().Select(k => $"{LetterKindNames.Name(k)}（{LetterKindNames.ShortName(k)}）"));

    private static Command List(TextWriter stdout, TextWriter stderr)
    {
        var db = DatabaseOption.Create();
        var agency = Agency();
        var request = RequestNumber();
        var list = new Command("list", "列出一件申请已出具的文书（按出具时间）：文号、文书、出具日期、送达、更正") { agency, request, db };
        list.SetAction(async (result, cancellationToken) =>
        {
            var parsed = TrackingNumber.TryParse(result.GetValue(request));
            if (!parsed.TryGetValue(out var number))
            {
                return GongkaiCli.Refused(parsed.Problem, stderr);
            }

            return await DatabaseOption.WithAgencyAsync(result.GetValue(db), result.GetValue(agency)!, stderr, async (context, found) =>
            {
                var listed = await ListLetters.ForStaffAsync(context, found.Id, number, cancellationToken);
                if (!listed.TryGetValue(out var lines))
                {
                    return GongkaiCli.Refused(listed.Problem, stderr);
                }

                if (lines.Count == 0)
                {
                    stdout.WriteLine($"申请{number}尚未出具文书");
                    return GongkaiCli.Ok;
                }

                stdout.WriteLine(string.Join('\t', "文号", "文书", "出具日期", "送达", "更正"));
                foreach (var line in lines)
                {
                    stdout.WriteLine(string.Join('\t', line.Number, line.Title, Iso(line.IssuedOn), line.Delivery.Summary(), Corrections(line)));
                }

                return GongkaiCli.Ok;
            }, cancellationToken);
        });
        return list;
    }

    private static Command Render(TextWriter stdout, TextWriter stderr)
    {
        var db = DatabaseOption.Create();
        var agency = Agency();
        var request = RequestNumber();
        var kind = new Option<string>("--kind") { Description = $"文书种类：{KindNames}", Required = true };
        var output = new Option<string>("--out") { Description = "输出文件：.docx、.pdf 或 .html（打印页面）", Required = true };
        var render = new Command("render", "写出一件申请的文书：已出具的按原样输出；导入台账时已办结的申请，答复书根据办理记录重新生成") { agency, request, kind, output, db };
        render.SetAction(async (result, cancellationToken) =>
        {
            if (LetterKindNames.Parse(result.GetValue(kind)) is not { } letterKind)
            {
                stderr.WriteLine($"没有这种文书：{result.GetValue(kind)}（可用：{KindNames}）");
                return GongkaiCli.Unusable;
            }

            var path = result.GetValue(output)!;
            if (LetterFile.FormatOf(path) is not { } format)
            {
                stderr.WriteLine($"输出文件应为 {string.Join('、', LetterFile.Extensions.Select(e => "." + e))} 文件：{Path.GetFileName(path)}");
                return GongkaiCli.Unusable;
            }

            var parsed = TrackingNumber.TryParse(result.GetValue(request));
            if (!parsed.TryGetValue(out var number))
            {
                return GongkaiCli.Refused(parsed.Problem, stderr);
            }

            if (!OutputFile.FolderExists(path, stderr))
            {
                return GongkaiCli.Unusable;
            }

            return await DatabaseOption.WithAgencyAsync(result.GetValue(db), result.GetValue(agency)!, stderr, async (context, found) =>
            {
                var printed = await PrintRequestLetter.HandleAsync(context, new PrintRequestLetter.Request(found.Id, number, letterKind), cancellationToken);
                if (!printed.TryGetValue(out var letter))
                {
                    return GongkaiCli.Refused(printed.Problem, stderr);
                }

                AtomicFile.Write(path, LetterFile.Write(letter.Document, format));
                stdout.WriteLine(letter.Issued is { } issued
                    ? $"已写出 {path}：{letter.Document.Title}（{issued.Number}，{Iso(issued.IssuedOn)}出具）"
                    : $"已写出 {path}：{letter.Document.Title}（根据办理记录重新生成，答复日期{Iso(letter.Document.IssuedOn)}；未编文号，未出具，未保存）");
                return GongkaiCli.Ok;
            }, cancellationToken);
        });
        return render;
    }

    private static string Corrections(ListLetters.Line line) => string.Join('；', new[]
    {
        line.ReplacesNumber is { } replaces ? $"更正并取代{replaces}" : null,
        line.ReplacedByNumber is { } by ? $"已被{by}更正" : null,
    }.OfType<string>());

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
