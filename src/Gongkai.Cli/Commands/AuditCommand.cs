using System.CommandLine;
using System.Globalization;
using Gongkai.Core.Data.Audit;

namespace Gongkai.Cli.Commands;

/// <summary><c>gongkai audit verify</c>: checks the hash chain of the 台账; exit 1 naming the first broken entry.</summary>
internal static class AuditCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = DatabaseOption.Create();
        var verify = new Command("verify", "校验台账的哈希链，指出第一条被修改或删除的记录") { db };
        verify.SetAction(async (result, cancellationToken) =>
        {
            await using var context = await DatabaseOption.OpenAsync(result.GetValue(db), stderr, cancellationToken);
            if (context is null)
            {
                return GongkaiCli.Unusable;
            }

            var verification = await AuditTrail.VerifyAsync(context, cancellationToken);
            var c = CultureInfo.InvariantCulture;
            if (verification.IsIntact)
            {
                stdout.WriteLine($"台账完整：共{verification.Checked.ToString(c)}条记录，哈希链无断点");
                return GongkaiCli.Ok;
            }

            stdout.WriteLine($"台账在第{verification.BrokenAt!.Value.ToString(c)}条记录处断开：{verification.Reason}（此前{verification.Checked.ToString(c)}条记录完好）");
            return GongkaiCli.ReportErrors;
        });

        return new Command("audit", "台账（审计记录）") { verify };
    }
}
