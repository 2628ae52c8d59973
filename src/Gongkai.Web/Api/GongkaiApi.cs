using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Gongkai.Web.Api.AnnualReports;
using Gongkai.Web.Api.Proactive;
using Gongkai.Web.Api.Requests;

namespace Gongkai.Web.Api;

/// <summary><c>/api/v1</c> (minimal APIs) and its OpenAPI document at <c>/openapi/v1.json</c>.</summary>
internal static class GongkaiApi
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddGongkaiApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            // Enums by name (the glossary's), Chinese as characters; markup characters are still escaped.
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new RecordDateConverter());
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        services.AddProblemDetails();
        services.AddOpenApi(DocumentName, o =>
        {
            // The dates' own converter (RecordDateConverter) hides their JSON type from the schema exporter: a string still.
            o.AddSchemaTransformer((schema, context, _) =>
            {
                var type = context.JsonTypeInfo.Type;
                if (type == typeof(DateOnly) || type == typeof(DateOnly?))
                {
                    schema.Type = type == typeof(DateOnly) ? Microsoft.OpenApi.JsonSchemaType.String : Microsoft.OpenApi.JsonSchemaType.String | Microsoft.OpenApi.JsonSchemaType.Null;
                    schema.Format = "date";
                }

                return Task.CompletedTask;
            });
            o.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "政府信息公开平台 API";
                document.Info.Description = "网上申请与查询、申请的办理步骤、主动公开全清单、年度报告。错误以 RFC 9457 problem details 返回，detail 为中文说明。写操作需要本机关的 API 密钥（X-Api-Key 请求头）。";
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static WebApplication MapGongkaiApi(this WebApplication app)
    {
        var api = app.MapGroup(ApiRoutes.Prefix).DisableAntiforgery();
        api.MapApplications();
        api.MapApplicationSteps();
        api.MapApplicationLetters();
        api.MapItems();
        api.MapReports();
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }
}
