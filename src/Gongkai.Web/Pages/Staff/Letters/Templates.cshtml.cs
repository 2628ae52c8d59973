using Gongkai.Core.Data;
using Gongkai.Core.Features.Letters;
using Gongkai.Domain.Letters;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using DomainProblem = Gongkai.Domain.Common.Problem;

namespace Gongkai.Web.Pages.Staff.Letters;

/// <summary>
/// 文书模板: the agency's admin rewrites the wording of a letter kind, starting from the built-in text, or goes back to
/// the built-in one (spec/letters.md §1). A text that drops a required field or uses an unknown one is refused with
/// the field named, and shown again as typed. Own agency only; the right of 文书设置.
/// </summary>
public sealed class TemplatesModel(StaffAccess access, GongkaiDbContext db, TimeProvider clock) : StaffPageModel(access)
{
    public const string Path = "/staff/letters/templates";

    public IReadOnlyList<GetLetterTemplates.KindTemplate> Kinds { get; private set; } = [];

    /// <summary>The kind of a refused save, whose textarea shows <see cref="Text"/> as posted.</summary>
    public LetterKind? RefusedKind { get; private set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await UseAgencyAsync(null, StaffRight.ManageLetterSettings, cancellationToken) ? await ShowAsync(cancellationToken) : Refuse();

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(null, StaffRight.ManageLetterSettings, cancellationToken))
        {
            return Refuse();
        }

        if (KindOf(Kind) is not { } kind)
        {
            return await RefuseAsync(UnknownKind, null, cancellationToken);
        }

        var saved = await SaveLetterTemplate.HandleAsync(db, clock, new SaveLetterTemplate.Request(Agency.Id, kind, Text, UserId), cancellationToken);
        if (!saved.TryGetValue(out var done))
        {
            return await RefuseAsync(saved.Problem, kind, cancellationToken);
        }

        Done = done.Added
            ? $"已保存“{LetterKindNames.Title(kind)}”的本机关第{done.Version}版模板；此后发出的该种文书使用新的措辞，已发出的文书不变"
            : $"“{LetterKindNames.Title(kind)}”的模板没有改动，仍为本机关第{done.Version}版";
        return Redirect($"{Path}#kind-{kind}");
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken)
    {
        if (!await UseAgencyAsync(null, StaffRight.ManageLetterSettings, cancellationToken))
        {
            return Refuse();
        }

        if (KindOf(Kind) is not { } kind)
        {
            return await RefuseAsync(UnknownKind, null, cancellationToken);
        }

        var reset = await ResetLetterTemplate.HandleAsync(db, clock, new ResetLetterTemplate.Request(Agency.Id, kind, UserId), cancellationToken);
        if (!reset.TryGetValue(out var added))
        {
            return await RefuseAsync(reset.Problem, null, cancellationToken);
        }

        Done = added
            ? $"“{LetterKindNames.Title(kind)}”已恢复使用内置模板；此后发出的该种文书使用内置措辞，已发出的文书不变"
            : $"“{LetterKindNames.Title(kind)}”使用的已是内置模板";
        return Redirect($"{Path}#kind-{kind}");
    }

    /// <summary>The text a kind's textarea shows: as posted after a refusal, else the text in force (or the agency's stale text to fix).</summary>
    public string TextOf(GetLetterTemplates.KindTemplate kind) => RefusedKind == kind.Kind ? Text ?? "" : kind.TextToEdit;

    private static DomainProblem UnknownKind => DomainProblem.Invalid("letterTemplate.kind", "文书种类无效");

    private static LetterKind? KindOf(string? name) =>
        Enum.TryParse<LetterKind>(name, ignoreCase: false, out var kind) && Enum.IsDefined(kind) && !int.TryParse(name, out _) ? kind : null;

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var found = await GetLetterTemplates.HandleAsync(db, Agency.Id, cancellationToken);
        if (!found.TryGetValue(out var kinds))
        {
            return Refused(found.Problem);
        }

        Kinds = kinds;
        return Page();
    }

    /// <summary>The page again with the refusal (422 for invalid input) and, for a refused save, the text as posted.</summary>
    private async Task<IActionResult> RefuseAsync(DomainProblem problem, LetterKind? kind, CancellationToken cancellationToken)
    {
        RefusedKind = kind;
        var shown = await ShowAsync(cancellationToken);
        return Kinds.Count == 0 ? shown : Refused(problem);
    }
}
