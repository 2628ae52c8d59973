using System.Text.RegularExpressions;
using Gongkai.Core.Features.Audit;
using Gongkai.Domain.Proactive;
using Gongkai.Domain.Requests;

namespace Gongkai.Core.Tests.Audit;

/// <summary>The 台账's one table of Chinese names: every action the code writes has one, and what it does not know stays readable.</summary>
public sealed partial class AuditTextTests
{
    /// <summary>
    /// Every action literal in a file that writes the 台账 (AuditTrail.Record/Append, LockedReports.Audit) — problem codes
    /// aside — has a Chinese name; an action built as "prefix." + something is allowed only for the procedures whose
    /// every trigger the table names. A new action without a name fails here with its file.
    /// </summary>
    [Fact]
    public void WrittenActions_EachHasAChineseName()
    {
        var missing = new List<string>();
        var writers = 0;
        foreach (var (path, name) in Sources())
        {
            var text = File.ReadAllText(path);
            if (!AuditWrite().IsMatch(text))
            {
                continue;
            }

            writers++;
            foreach (Match m in ActionLiteral().Matches(text))
            {
                var code = m.Groups["code"].Value;
                var before = text[Math.Max(0, m.Index - 40)..m.Index];
                if (ProblemCall().IsMatch(before) || ConstantDeclaration().IsMatch(before))
                {
                    continue;
                }

                if (m.Groups["concat"].Success)
                {
                    if (code is not ("request." or "item."))
                    {
                        missing.Add($"{name}: \"{code}\" + … (an action built at run time: name each in AuditText)");
                    }
                }
                else if (!AuditText.Actions.ContainsKey(code))
                {
                    missing.Add($"{name}: \"{code}\"");
                }
            }
        }

        Assert.True(writers >= 15, $"only {writers} files write the 台账: is the pattern still right?");
        Assert.True(missing.Count == 0, "actions without a Chinese name in Core/Features/Audit/AuditText.cs:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void ProcedureSteps_EveryTriggerNamed()
    {
        Assert.All(Enum.GetValues<RequestTrigger>(), t => Assert.Equal(t.DisplayName(), AuditText.Action("request." + t)));
        Assert.All(Enum.GetValues<ItemTrigger>(), t => Assert.Equal(t.DisplayName(), AuditText.Action("item." + t)));
        Assert.Equal("确认收到申请", AuditText.Action("request.ConfirmReceipt"));
        Assert.Equal("查看申请人联系方式", AuditText.Action("request.contactViewed"));
    }

    [Theory]
    [InlineData("request.somethingNew", "依申请公开申请：something new（request.somethingNew）")]
    [InlineData("widget.made", "made（widget.made）")]
    public void Action_Unknown_ReadableWithItsCode(string code, string expected) => Assert.Equal(expected, AuditText.Action(code));

    [Theory]
    [InlineData("DisclosureRequest", "Replied", "已答复")]
    [InlineData("DisclosureItem", "Submitted", "待保密审查")]
    [InlineData("ReportVersion", "Locked", "已定稿")]
    [InlineData("DisclosureRequest", "NoSuchState", "NoSuchState")]
    public void State_ByRecordKind_Chinese(string entityType, string value, string expected) => Assert.Equal(expected, AuditText.State(entityType, value));

    [Theory]
    [InlineData("applicant:online", "申请人（网上提交）", "申请人")]
    [InlineData("cli:ops", "系统（命令行，ops）", "系统")]
    [InlineData("api:4b1c", "API 接入", "系统")]
    [InlineData("setup", "系统（初始设置）", "系统")]
    [InlineData("seed", "系统（seed）", "系统")]
    public void Process_NamedAsTheSystem(string actor, string name, string role) => Assert.Equal((name, role), AuditText.Process(actor));

    [Fact]
    public void Changes_StatesFieldsAndTimes_ReadableDiff()
    {
        var before = """{"TrackingNumber":"2022-000001","State":"Received","ReplyDue":"2022-02-14","ExtendedDue":null,"Steps":2}""";
        var after = """{"TrackingNumber":"2022-000001","State":"Processing","ReplyDue":"2022-02-14","ExtendedDue":"2022-03-14","Steps":3,"NewField":{"a":1}}""";

        var changes = AuditDiff.Changes("DisclosureRequest", before, after);

        Assert.Equal(
            [
                new AuditDiff.Change("状态", "已收到", "处理中"),
                new AuditDiff.Change("延长后的答复期限", "（无）", "2022-03-14"),
                new AuditDiff.Change("办理步骤数", "2", "3"),
                new AuditDiff.Change("new field", "（无）", """{"a":1}"""),
            ],
            changes);
        Assert.Equal("2022-000001", AuditDiff.Subject(before, after));
    }

    [Fact]
    public void Changes_CreationAndPlainText_ShownAsRecorded()
    {
        var created = AuditDiff.Changes("ApiKey", null, """{"name":"对接","createdAt":"2022-01-10T01:00:00+00:00","revokedAt":null}""");
        var guide = AuditDiff.Changes("DisclosureGuide", "第1版", "第2版：指南（2022-01-10起）");

        Assert.Equal([new AuditDiff.Change("名称", "", "对接"), new AuditDiff.Change("签发时间", "", "2022-01-10 09:00:00")], created);
        Assert.Equal([new AuditDiff.Change("内容", "第1版", "第2版：指南（2022-01-10起）")], guide);
    }

    private static IEnumerable<(string Path, string Name)> Sources()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Gongkai.slnx")))
        {
            root = root.Parent;
        }

        var src = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Gongkai.slnx not found"), "src");
        return Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Select(p => (p, Path.GetRelativePath(root.FullName, p).Replace('\\', '/')))
            .Where(f => !Generated().IsMatch(f.Item2));
    }

    [GeneratedRegex(@"AuditTrail\.(Record|Append)\(|LockedReports\.Audit\(")]
    private static partial Regex AuditWrite();

    /// <summary>"word.word" or "word." followed by a +.</summary>
    [GeneratedRegex("\"(?<code>[a-z][A-Za-z0-9]*\\.(?:[a-z][A-Za-z0-9]*)?)\"(?<concat>\\s*\\+)?")]
    private static partial Regex ActionLiteral();

    [GeneratedRegex(@"(Problem(\.\w+)?|new)\(\s*$")]
    private static partial Regex ProblemCall();

    [GeneratedRegex(@"const string \w+ = $")]
    private static partial Regex ConstantDeclaration();

    [GeneratedRegex(@"(^|/)(bin|obj|Migrations)/")]
    private static partial Regex Generated();
}
