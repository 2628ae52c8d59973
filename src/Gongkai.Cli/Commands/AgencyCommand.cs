using System.CommandLine;
using Gongkai.Core.Features.Agencies;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai agency add NAME [--parent NAME]</c>, <c>gongkai agency list</c>.</summary>
internal static class AgencyCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = DatabaseOption.Create();
        var name = new Argument<string>("name") { Description = "机关全称，如 北京市东城区对外联络服务办公室" };
        var parent = new Option<string?>("--parent") { Description = "上级机关（如所属区人民政府）" };
        var add = new Command("add", "添加机关") { name, parent, db };
        add.SetAction(async (result, cancellationToken) =>
        {
            await using var context = await DatabaseOption.OpenAsync(result.GetValue(db), stderr, cancellationToken);
            if (context is null)
            {
                return GongkaiCli.Unusable;
            }

            var added = await AddAgency.HandleAsync(context, TimeProvider.System, new AddAgency.Request(result.GetValue(name)!, result.GetValue(parent), DatabaseOption.Actor), cancellationToken);
            if (!added.TryGetValue(out var agency))
            {
                return GongkaiCli.Refused(added.Problem, stderr);
            }

            stdout.WriteLine($"已添加机关：{agency.Name}");
            return GongkaiCli.Ok;
        });

        var list = new Command("list", "列出机关（按隶属关系缩进）") { db };
        list.SetAction(async (result, cancellationToken) =>
        {
            await using var context = await DatabaseOption.OpenAsync(result.GetValue(db), stderr, cancellationToken);
            if (context is null)
            {
                return GongkaiCli.Unusable;
            }

            var items = await ListAgencies.HandleAsync(context, cancellationToken);
            if (items.Count == 0)
            {
                stdout.WriteLine("尚无机关。添加：gongkai agency add 名称 [--parent 上级机关]");
            }

            foreach (var item in items)
            {
                stdout.WriteLine(new string(' ', item.Depth * 2) + item.Name);
            }

            return GongkaiCli.Ok;
        });

        return new Command("agency", "机关管理") { add, list };
    }
}
