using System.Globalization;
using Gongkai.Fuzz;

// gongkai-fuzz [TARGET|all] [SECONDS] [CSCHECK-SEED]: mutates the corpus for each reader for SECONDS (default 60) and
// says executions per second, the slowest input and any failure (exit 1). BENCHMARKS.md, “Fuzzing (issue 16, 10)”.
var names = args.Length > 0 && args[0] != "all" ? [args[0]] : FuzzTarget.All.Select(t => t.Name).ToArray();
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
var seed = args.Length > 2 ? args[2] : null;
var failed = false;
foreach (var name in names)
{
    var result = FuzzTarget.Named(name).Run(seconds, seed);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{result.Target}：执行{result.Executions}次，用时{result.Seconds:F0}秒，每秒{result.PerSecond:F1}次，最慢{result.SlowestSeconds:F2}秒，拒绝{result.Refused}次"));
    if (result.Failure is not null)
    {
        failed = true;
        Console.WriteLine($"{result.Target}：发现崩溃（非预期异常），CsCheck 的复现信息：");
        Console.WriteLine(result.Failure);
    }
}

return failed ? 1 : 0;
