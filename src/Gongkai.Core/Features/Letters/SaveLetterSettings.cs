using Gongkai.Core.Data;
using Gongkai.Core.Data.Audit;
using Gongkai.Core.Data.Letters;
using Gongkai.Core.Features.Requests;
using Gongkai.Domain.Agencies;
using Gongkai.Domain.Common;
using Gongkai.Domain.Letters;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Core.Features.Letters;

/// <summary>
/// The agency's admin saves its letter settings (spec/letters.md §2, §4): the 文号's prefix and kind codes, what the
/// agency is, its 复议机关 and court, its 政府信息公开工作机构's contact. Checked whole; saved with a 台账 entry holding
/// the settings before and after (no personal data in them). Numbers already issued keep the text they were issued with.
/// </summary>
public static class SaveLetterSettings
{
    public const string Action = "letter.settingsSaved";
    public const int MaxPrefixLength = 20;
    public const int MaxKindCodeLength = 10;
    public const int MaxNameLength = 100;
    public const int MaxAddressLength = 200;
    public const int MaxPhoneLength = 50;

    public sealed record Request(Guid AgencyId, LetterSettings Settings, string UserId);

    public static async Task<Result<LetterSettings>> HandleAsync(GongkaiDbContext db, TimeProvider clock, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await db.Agencies.AnyAsync(a => a.Id == request.AgencyId, cancellationToken))
        {
            return AgencyProblems.NotFound();
        }

        var checkedSettings = Check(request.Settings);
        if (!checkedSettings.TryGetValue(out var settings))
        {
            return checkedSettings.Problem;
        }

        var json = LetterJson.Serialize(settings);
        var saved = await db.LetterSettings.FirstOrDefaultAsync(s => s.AgencyId == request.AgencyId, cancellationToken);
        var before = saved?.Settings;
        if (before == json)
        {
            return settings;
        }

        if (saved is null)
        {
            db.LetterSettings.Add(new LetterSettingsRecord { AgencyId = request.AgencyId, Settings = json, UpdatedAt = clock.GetUtcNow(), UpdatedBy = request.UserId });
        }
        else
        {
            saved.Settings = json;
            saved.UpdatedAt = clock.GetUtcNow();
            saved.UpdatedBy = request.UserId;
        }

        AuditTrail.Record(db, clock, request.UserId, Action, "LetterSettings", request.AgencyId.ToString("D"), request.AgencyId, before, json);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (SubmissionWriter.IsConflict(e))
        {
            // Two admins saving the agency's first settings at once: the other one's are stored.
            return Problem.Conflict("letterSettings.concurrent", "文书设置刚被他人修改，请刷新后重新保存");
        }

        return settings;
    }

    /// <summary>The settings trimmed, every kind with a code, or the first field that is wrong, named in Chinese.</summary>
    public static Result<LetterSettings> Check(LetterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var prefix = settings.NumberPrefix?.Trim() ?? "";
        if (Text(prefix, "文号前缀", MaxPrefixLength, required: true, numberPart: true) is { } prefixProblem)
        {
            return prefixProblem;
        }

        var codes = new Dictionary<LetterKind, string>();
        foreach (var kind in Enum.GetValues<LetterKind>())
        {
            var code = (settings.KindCodes.TryGetValue(kind, out var given) ? given : LetterSettings.DefaultKindCodes[kind])?.Trim() ?? "";
            if (Text(code, $"“{LetterKindNames.Title(kind)}”的文书代字", MaxKindCodeLength, required: true, numberPart: true) is { } codeProblem)
            {
                return codeProblem;
            }

            // Two kinds with one code would print the same 文号 for their first letters of a year.
            if (codes.FirstOrDefault(c => c.Value == code) is { Value: not null } same)
            {
                return Problem.Invalid(
                    "letterSettings.kindCodeRepeated", $"“{LetterKindNames.Title(kind)}”与“{LetterKindNames.Title(same.Key)}”的文书代字相同（{code}），文号会重复");
            }

            codes[kind] = code;
        }

        if (!Enum.IsDefined(settings.AgencyKind))
        {
            return Problem.Invalid("letterSettings.agencyKind", "请选择本机关的类别");
        }

        var body = settings.ReconsiderationBody?.Trim() ?? "";
        var alternative = settings.AlternativeReconsiderationBody?.Trim() ?? "";
        var court = settings.Court?.Trim() ?? "";
        var office = settings.OfficeName?.Trim() ?? "";
        var address = settings.OfficeAddress?.Trim() ?? "";
        var phone = settings.OfficePhone?.Trim() ?? "";
        // 行政复议法 2023 Art 28: a 司法行政部门's applicant chooses between the 本级人民政府 and the 上一级司法行政部门.
        var problem = Text(body, "行政复议机关", MaxNameLength, required: true)
            ?? Text(alternative, "可选择的其他复议机关", MaxNameLength, required: settings.AgencyKind == AgencyKind.JusticeAdministration)
            ?? Text(court, "管辖的人民法院", MaxNameLength, required: true)
            ?? Text(office, "政府信息公开工作机构名称", MaxNameLength, required: false)
            ?? Text(address, "政府信息公开工作机构地址", MaxAddressLength, required: false)
            ?? Text(phone, "政府信息公开工作机构电话", MaxPhoneLength, required: false);
        if (problem is not null)
        {
            return problem;
        }

        // The agency's name is not kept with the settings: GetLetterSettings fills it in from the agency's record.
        return new LetterSettings
        {
            NumberPrefix = prefix,
            KindCodes = codes,
            AgencyKind = settings.AgencyKind,
            ReconsiderationBody = body,
            AlternativeReconsiderationBody = alternative,
            Court = court,
            OfficeName = office,
            OfficeAddress = address,
            OfficePhone = phone,
        };
    }

    /// <summary>A character a part of the 文号 cannot hold: it would make the 文号 unreadable (<see cref="LetterNumber"/>).</summary>
    public static bool IsReserved(char c) => c is '〔' or '〕' or '[' or ']' or '第' or '号' || char.IsDigit(c);

    /// <summary>
    /// Null when the text is fine: present if required, not too long, no line break, and for a part of the 文号 no
    /// 〔〕 (they delimit its year), 第, 号 or digit (they frame and make its serial).
    /// </summary>
    private static Problem? Text(string value, string field, int maxLength, bool required, bool numberPart = false)
    {
        if (value.Length == 0)
        {
            return required ? Problem.Invalid("letterSettings.required", $"请填写{field}") : null;
        }

        if (value.Length > maxLength)
        {
            return Problem.Invalid("letterSettings.tooLong", $"{field}不能超过{maxLength}个字");
        }

        if (value.IndexOfAny(['\r', '\n']) >= 0 || (numberPart && value.Any(IsReserved)))
        {
            return Problem.Invalid("letterSettings.badCharacter", numberPart ? $"{field}中不能有“〔”“〕”“第”“号”、数字或换行" : $"{field}中不能有换行");
        }

        return null;
    }
}
