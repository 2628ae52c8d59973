using Gongkai.Domain.Common;

namespace Gongkai.Web.Hosting;

/// <summary>
/// The one mapping of a <see cref="ProblemKind"/> to HTTP, used by the API's problem details (RFC 9457) and by the
/// pages that show a refused step: the status and a Chinese title.
/// </summary>
internal static class ProblemStatus
{
    public static int Of(ProblemKind kind) => kind switch
    {
        ProblemKind.NotFound => StatusCodes.Status404NotFound,
        ProblemKind.Conflict => StatusCodes.Status409Conflict,
        ProblemKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    public static string TitleOf(ProblemKind kind) => kind switch
    {
        ProblemKind.NotFound => "未找到",
        ProblemKind.Conflict => "当前状态不允许该操作",
        ProblemKind.Forbidden => "无权操作",
        _ => "请求无效",
    };
}
