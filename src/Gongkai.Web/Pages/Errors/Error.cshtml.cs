using System.Globalization;
using Gongkai.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Errors;

/// <summary>
/// The error pages (404, 500 and any other status without a body), in Chinese, saying what happened and where to go,
/// never how: no exception text, no stack trace. Reached by re-execution with the original status kept.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    private const string ExplanationKey = "gongkai.error.explanation";

    /// <summary>What went wrong, when the code that answered the status knows better than the status alone.</summary>
    public (string Title, string Text) Message => HttpContext.Items[ExplanationKey] is ValueTuple<string, string> explained ? explained : Status switch
    {
        404 => ("页面不存在", "您访问的页面不存在或已被删除，请检查网址，或从首页重新进入。"),
        400 => ("请求无效", "请求的内容不完整、无效或超过了允许的大小（如表单字段过多、文字过长），请返回上一页修改后重试。"),
        413 => ("提交的内容过大", "提交的表单、文字或文件超过了允许的大小，请减少内容后重试。"),
        403 => ("没有权限", "您的账号没有访问该页面或办理该事项的权限。"),
        405 => ("请求方式不允许", "该页面不接受这种请求方式。"),
        429 => ("请求过于频繁", "您提交或查询得过于频繁，请稍等几分钟再试。"),
        503 => ("服务器正忙", DatabaseBusy.Message),
        >= 500 => ("服务器出错", "服务器暂时无法处理您的请求，请稍后再试。"),
        _ => ("无法访问", "暂时无法访问该页面，请稍后再试。"),
    };

    /// <summary>
    /// Gives the error page of this request a precise sentence (no exception text): the status code page re-executes
    /// the same request, so its items are still there.
    /// </summary>
    public static void Explain(HttpContext context, string title, string text) => context.Items[ExplanationKey] = (title, text);

    // No bound parameters: binding would read the form of a re-executed POST, which may be the oversized one (and
    // fail, leaving the code unknown); the code is read from the path.
    public IActionResult OnGet() => Show();

    public IActionResult OnPost() => Show();

    private PageResult Show()
    {
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : 500;
        Status = code is >= 400 and <= 599 ? code : 500;
        // The exception handler has already logged the error for the operator; the visitor sees only this page.
        Response.StatusCode = Status;
        return Page();
    }
}
