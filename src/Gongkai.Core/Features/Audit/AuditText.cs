using System.Collections.Frozen;
using System.Text;
using Gongkai.Core.Data.Accounts;
using Gongkai.Domain.AnnualReports.Lifecycle;
using Gongkai.Domain.Proactive;
using Gongkai.Domain.Requests;

namespace Gongkai.Core.Features.Audit;

/// <summary>
/// The one table that puts the 台账 into Chinese for people: what each action written to it is called, what each kind of
/// record, each field of a record's snapshot and each state is called. Display only: the entries keep the codes they
/// were written with (the hash chain covers them). A code this table does not know is shown readably, never hidden
/// (tests/Gongkai.Core.Tests/Audit fails the build's tests when the code writes an action missing here).
/// </summary>
public static class AuditText
{
    /// <summary>Every action the code writes, by its code. The steps of the two procedures come from their triggers' names.</summary>
    public static FrozenDictionary<string, string> Actions { get; } = BuildActions();

    public static FrozenDictionary<string, string> EntityTypes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DisclosureRequest"] = "依申请公开申请",
        ["DisclosureItem"] = "主动公开信息",
        ["Agency"] = "机关",
        ["ReportVersion"] = "年度报告",
        ["Article20Statistics"] = "第二十条数据",
        ["StaffUser"] = "工作人员账号",
        ["ApiKey"] = "API 密钥",
        ["CalendarNotice"] = "放假安排",
        ["DisclosureGuide"] = "政府信息公开指南",
        ["Letter"] = "文书",
        ["LetterSettings"] = "文书设置",
        ["LetterTemplate"] = "文书模板",
        ["OutboxMail"] = "待发邮件",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The fields of the snapshots the writers keep (ApplyStep, ApplyItemStep, LockedReports, the accounts, the imports), by name as written.</summary>
    public static FrozenDictionary<string, string> Fields { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        // An application (ApplyStep.Snapshot).
        ["TrackingNumber"] = "编号",
        ["State"] = "状态",
        ["ReceivedOn"] = "收到申请之日",
        ["ReplyDue"] = "答复期限",
        ["ExtendedDue"] = "延长后的答复期限",
        ["DelayedReplyDue"] = "顺延后的答复期限",
        ["SupplementNoticeDue"] = "补正告知期限",
        ["ConsultationDue"] = "征求意见期限",
        ["FeeDue"] = "缴费期限",
        ["Outcome"] = "处理结果",
        ["ClosedOn"] = "办结日期",
        ["Steps"] = "办理步骤数",

        // An item (ApplyItemStep.Snapshot).
        ["Title"] = "标题",
        ["Version"] = "版本",
        ["PublishedOn"] = "公开日期",
        ["Reviewer"] = "审查人",
        ["ReviewedAttachments"] = "已审查的附件（SHA-256）",
        ["RejectionReason"] = "不通过的理由",
        ["WithdrawalReason"] = "撤回理由",

        // A report version (LockedReports.Summary).
        ["Year"] = "年度",
        ["Format"] = "报告格式",
        ["Stage"] = "阶段",
        ["Errors"] = "错误数",
        ["Warnings"] = "警告数",
        ["Acknowledgement"] = "警告说明",
        ["ContentHash"] = "内容哈希",

        // Imports and the calendar (file, hash, counts).
        ["File"] = "文件",
        ["Sha256"] = "文件 SHA-256",
        ["Imported"] = "导入条数",
        ["AlreadyPresent"] = "已存在条数",
        ["DocumentNumber"] = "文号",
        ["Source"] = "来源",
        ["FileName"] = "文件名",

        // Agencies, accounts and API keys.
        ["Id"] = "标识",
        ["Name"] = "名称",
        ["ParentId"] = "上级机关",
        ["UserName"] = "用户名",
        ["Roles"] = "角色",
        ["Locked"] = "已锁定",
        ["Prefix"] = "密钥前缀",
        ["CreatedAt"] = "签发时间",
        ["RevokedAt"] = "撤销时间",

        // Letters (IssueLetter, RecordDelivery) and the agency's letter settings (SaveLetterSettings).
        ["Kind"] = "文书种类",
        ["Number"] = "文号",
        ["IssuedOn"] = "成文日期",
        ["DocumentSha256"] = "文书内容 SHA-256",
        ["Replaces"] = "更正的文书",
        ["TemplateVersion"] = "模板版本",
        ["Method"] = "送达方式",
        ["PostedOn"] = "交邮日期",
        ["EmsNumber"] = "EMS 邮件号",
        ["SignedForOn"] = "签收（确认收到）日期",
        ["EmailedAt"] = "邮件发送时间",
        ["FirstOpenedAt"] = "首次在网上查看时间",
        ["NumberPrefix"] = "文号前缀",
        ["KindCodes"] = "文书代字",
        ["AgencyKind"] = "机关类别",
        ["ReconsiderationBody"] = "行政复议机关",
        ["AlternativeReconsiderationBody"] = "可选择的其他复议机关",
        ["Court"] = "管辖的人民法院",
        ["OfficeName"] = "政府信息公开工作机构",
        ["OfficeAddress"] = "工作机构地址",
        ["OfficePhone"] = "工作机构电话",
        ["Wording"] = "文书措辞",
        ["TextSha256"] = "模板文本 SHA-256",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The action's Chinese name; an unknown code readably (<c>request.fooBar</c>: 依申请公开申请：foo bar（request.fooBar）).</summary>
    public static string Action(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (Actions.TryGetValue(action, out var name))
        {
            return name;
        }

        var dot = action.IndexOf('.', StringComparison.Ordinal);
        var prefix = dot > 0 ? action[..dot] : "";
        var subject = Prefixes.TryGetValue(prefix, out var p) ? p + "：" : "";
        return $"{subject}{Words(dot > 0 ? action[(dot + 1)..] : action)}（{action}）";
    }

    public static string EntityType(string entityType) => EntityTypes.TryGetValue(entityType, out var name) ? name : entityType;

    public static string Field(string field) => Fields.TryGetValue(field, out var name) ? name : Words(field);

    /// <summary>A state or stage by the name its enum writes, in Chinese (the record kind tells which enum); anything else as it is.</summary>
    public static string State(string entityType, string value) => entityType switch
    {
        "DisclosureRequest" when Enum.TryParse<RequestState>(value, out var s) && Enum.IsDefined(s) => s.DisplayName(),
        "DisclosureItem" when Enum.TryParse<ItemState>(value, out var s) && Enum.IsDefined(s) => s.DisplayName(),
        "ReportVersion" when Enum.TryParse<ReportStage>(value, out var s) && Enum.IsDefined(s) => Stage(s),
        _ => value,
    };

    /// <summary>The 台账's name for whoever acted: processes as 系统, the online form as the applicant (no personal data).</summary>
    public static (string Name, string Role) Process(string actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var colon = actor.IndexOf(':', StringComparison.Ordinal);
        var (kind, rest) = colon > 0 ? (actor[..colon], actor[(colon + 1)..]) : (actor, "");
        return kind switch
        {
            "applicant" => ("申请人（网上提交）", "申请人"),
            "api" => ("API 接入", "系统"),
            "cli" => (rest.Length > 0 ? $"系统（命令行，{rest}）" : "系统（命令行）", "系统"),
            "web" when rest == "demo" => ("系统（演示数据）", "系统"),
            "setup" => ("系统（初始设置）", "系统"),
            _ => ($"系统（{actor}）", "系统"),
        };
    }

    public static string Roles(IEnumerable<string> roles) => string.Join("、", roles.Select(StaffRoles.DisplayName));

    private static string Stage(ReportStage stage) => stage switch
    {
        ReportStage.Draft => "草稿",
        ReportStage.Checked => "已检查",
        ReportStage.Locked => "已定稿",
        ReportStage.Published => "已公开",
        _ => stage.ToString(),
    };

    private static readonly FrozenDictionary<string, string> Prefixes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["request"] = "依申请公开申请",
        ["requests"] = "依申请公开台账",
        ["item"] = "主动公开信息",
        ["items"] = "主动公开台账",
        ["report"] = "年度报告",
        ["user"] = "工作人员账号",
        ["apiKey"] = "API 密钥",
        ["agency"] = "机关",
        ["article20"] = "第二十条数据",
        ["appeals"] = "行政复议、行政诉讼",
        ["calendar"] = "放假安排",
        ["guide"] = "政府信息公开指南",
        ["letter"] = "文书",
        ["mail"] = "邮件",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static FrozenDictionary<string, string> BuildActions()
    {
        var actions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["request.submittedOnline"] = "网上提交申请",
            ["requests.imported"] = "导入依申请公开台账",
            ["items.imported"] = "导入主动公开台账",
            ["appeals.imported"] = "导入行政复议、行政诉讼台账",
            ["article20.entered"] = "录入第二十条数据",
            ["article20.imported"] = "导入第二十条数据",
            ["calendar.load"] = "载入放假安排",
            ["guide.published"] = "发布政府信息公开指南",
            ["agency.created"] = "新建机关",
            ["report.drafted"] = "生成年度报告草稿",
            ["report.textEdited"] = "修改年度报告文字",
            ["report.locked"] = "年度报告定稿",
            ["report.published"] = "公开年度报告",
            ["user.created"] = "新建工作人员账号",
            ["user.rolesChanged"] = "更改账号角色",
            ["user.locked"] = "锁定账号",
            ["user.unlocked"] = "解除账号锁定",
            ["user.passwordReset"] = "重置密码",
            ["user.passwordChanged"] = "修改本人密码",
            ["apiKey.created"] = "签发 API 密钥",
            ["apiKey.revoked"] = "撤销 API 密钥",
            ["item.attachmentOpened"] = "审查人打开附件",
            ["request.contactViewed"] = "查看申请人联系方式",
            ["request.registered"] = "工作人员登记申请",
            ["requests.exported"] = "导出依申请公开台账",
            ["report.checked"] = "检查年度报告",
            ["letter.issued"] = "发出文书",
            ["letter.deliveryRecorded"] = "记录文书送达",
            ["letter.settingsSaved"] = "保存文书设置",
            ["letter.templateSaved"] = "保存本机关文书模板",
            ["letter.templateReset"] = "恢复内置文书模板",
            ["mail.queued"] = "邮件列入待发",
            ["mail.sent"] = "邮件已由邮件服务器接收",
            ["mail.failed"] = "邮件被拒收，不再重发",
        };
        foreach (var trigger in Enum.GetValues<RequestTrigger>())
        {
            actions["request." + trigger] = trigger.DisplayName();
        }

        foreach (var trigger in Enum.GetValues<ItemTrigger>())
        {
            actions["item." + trigger] = trigger.DisplayName();
        }

        return actions.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>A code's words as a reader can take them in: <c>fooBarBaz</c> becomes <c>foo bar baz</c>.</summary>
    private static string Words(string code)
    {
        var text = new StringBuilder(code.Length + 4);
        foreach (var c in code)
        {
            if (char.IsAsciiLetterUpper(c) && text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
