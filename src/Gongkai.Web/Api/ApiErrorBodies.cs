using Gongkai.Core.Data;

namespace Gongkai.Web.Api;

/// <summary>
/// Under <c>/api</c>, an error without a body (a body that is not JSON, an unknown route, a wrong method) and an
/// unexpected exception become problem details with a Chinese <c>detail</c>, instead of the site's HTML error pages.
/// Never the exception's text: it is logged for the operator, the caller gets a sentence.
/// </summary>
internal sealed partial class ApiErrorBodies(RequestDelegate next, ILogger<ApiErrorBodies> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            LogFailure(logger, e, context.Request.Method, context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }

        var status = context.Response.StatusCode;
        if (status < 400 || context.Response.HasStarted || context.Response.ContentLength is not null || !string.IsNullOrEmpty(context.Response.ContentType))
        {
            return;
        }

        var (title, detail) = status switch
        {
            400 => ("请求无效", "请求的内容不完整或格式不正确：请求体应为 UTF-8 编码的 JSON，字段见 /openapi/v1.json。"),
            404 => ("未找到", "没有这个接口或资源，接口列表见 /openapi/v1.json。"),
            405 => ("请求方式不允许", "该接口不接受这种请求方式。"),
            413 => ("请求过大", "请求体过大。"),
            415 => ("媒体类型不支持", "请求体应为 application/json。"),
            503 => ("服务器正忙", DatabaseBusy.Message),
            >= 500 => ("服务器出错", "服务器暂时无法处理该请求，请稍后再试。"),
            _ => ("请求失败", "请求未能完成。"),
        };
        await TypedResults.Problem(title: title, detail: detail, statusCode: status).ExecuteAsync(context);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "API request {Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, PathString path);
}
