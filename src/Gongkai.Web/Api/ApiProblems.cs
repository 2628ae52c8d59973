using Gongkai.Domain.Agencies;
using Gongkai.Domain.Common;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Web.Api;

/// <summary>The API's errors as RFC 9457 problem details, the <c>detail</c> in Chinese; expected problems mapped once.</summary>
internal static class ApiProblems
{
    /// <summary>A problem of Core as problem details: the status and title of its kind, its message, its code.</summary>
    public static ProblemHttpResult From(Problem problem) =>
        TypedResults.Problem(title: ProblemStatus.TitleOf(problem.Kind), detail: problem.Message, statusCode: ProblemStatus.Of(problem.Kind),
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = problem.Code });

    public static ProblemHttpResult AgencyNotFound() => From(AgencyProblems.NotFound());

    /// <summary>
    /// Null when the call carries a key of <paramref name="agencyId"/>; else 401 (no key, or a key not configured)
    /// or 403 (another agency's key). Checked before anything is read or written.
    /// </summary>
    public static async Task<ProblemHttpResult?> AuthorizeAsync(HttpContext context, Guid agencyId)
    {
        var keyAgency = await ApiKeys.AgencyOfAsync(context);
        if (keyAgency is null)
        {
            return TypedResults.Problem(title: "未授权", detail: $"需要在 {ApiKeys.Header} 请求头中提供本机关的 API 密钥",
                statusCode: StatusCodes.Status401Unauthorized);
        }

        return keyAgency == agencyId
            ? null
            : TypedResults.Problem(title: "无权操作", detail: "该 API 密钥不属于此机关，无权操作此机关的数据", statusCode: StatusCodes.Status403Forbidden);
    }

    /// <summary>Field errors with the API's (camelCase) field names.</summary>
    public static ValidationProblem Validation(IReadOnlyDictionary<string, string> errors, string detail) =>
        TypedResults.ValidationProblem(
            errors.ToDictionary(e => JsonName(e.Key), e => new[] { e.Value }, StringComparer.Ordinal),
            detail: detail, title: "提交的内容有误");

    public static string JsonName(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];
}
