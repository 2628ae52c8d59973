#:property PublishAot=false
// Issue 16, 11 load test: online applications at full speed while `gongkai import items` and `import appeals` run.
//
//   dotnet run bench/imports-under-load/ImportsUnderLoad.cs -- [--submitters 16] [--items 10000] [--appeals 5000]
//       [--db FILE] [--bin Release|Debug] [--port 5097]
//
// Starts the built site (src/Gongkai.Web/bin/<bin>/net10.0) on a fresh SQLite file (or --db: a file or a PostgreSQL
// connection string to an empty database), adds one agency with the CLI, warms up, then starts the submitters
// (HttpClient, POST /api/v1/agencies/{id}/applications, each one after the other as fast as answered: the JSON API
// needs no antiforgery token, as bench/web/submit.lua) and, once they run, both imports at once as separate processes.
// Submitters stop when both imports have exited. Prints each import's exit code and time, the submissions by status,
// the 5xx count and the latency percentiles. Build first: dotnet build src/Gongkai.Web -c Release and
// dotnet build src/Gongkai.Cli -c Release. The site's rate limit of the form is configured off-scale, as in run-wrk.sh.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;

var c = CultureInfo.InvariantCulture;
var options = new Dictionary<string, string>(StringComparer.Ordinal) { ["--submitters"] = "16", ["--items"] = "10000", ["--appeals"] = "5000", ["--bin"] = "Release", ["--port"] = "5097" };
for (var i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i]] = args[i + 1];
}

// Run from the repository's root (the paths below are relative to it).
var root = Directory.GetCurrentDirectory();
var work = Directory.CreateTempSubdirectory("gongkai-imports-load-").FullName;
var db = options.GetValueOrDefault("--db") ?? Path.Combine(work, "gongkai.db");
var web = Path.Combine(root, "src", "Gongkai.Web", "bin", options["--bin"], "net10.0", "Gongkai.Web.dll");
var cli = Path.Combine(root, "src", "Gongkai.Cli", "bin", options["--bin"], "net10.0", "gongkai.dll");
var baseAddress = new Uri($"http://127.0.0.1:{options["--port"]}");
const string AgencyName = "某区住房和城乡建设委员会";

var added = await RunAsync(cli, ["agency", "add", AgencyName, "--db", db]);
Console.WriteLine($"database: {db}; agency add: exit {added.ExitCode.ToString(c)}");

var itemsFile = Path.Combine(work, "items.csv");
var appealsFile = Path.Combine(work, "appeals.csv");
var items = int.Parse(options["--items"], c);
var appeals = int.Parse(options["--appeals"], c);
await File.WriteAllTextAsync(itemsFile, "标题,文号,类别,主题,科室,形成日期,公开日期,全文电子化\n" + string.Concat(Enumerable.Range(1, items).Select(i =>
    $"关于第{i.ToString(c)}批老旧小区改造项目的通知,建发〔2020〕{i.ToString(c)}号,业务动态,城市建设;住房保障,综合科,2020-{(i % 12 + 1).ToString("D2", c)}-02,2020-{(i % 12 + 1).ToString("D2", c)}-05,是\n")));
await File.WriteAllTextAsync(appealsFile, "案号,类型,提起日期,结果,结果日期,申请编号,摘要\n" + string.Concat(Enumerable.Range(1, appeals).Select(i =>
    $"（2020）京0101行复{i.ToString(c)}号,行政复议,2020-03-02,结果维持,2020-05-06,,对答复不服\n")));

var site = Start(web, ["--db", db, "--urls", baseAddress.ToString()], new Dictionary<string, string>
{
    ["ASPNETCORE_ENVIRONMENT"] = "Production",
    ["Logging__LogLevel__Default"] = "Warning",
    ["Gongkai__RateLimits__Apply__PermitLimit"] = "2000000000",
    ["Gongkai__RateLimits__Apply__WindowSeconds"] = "1",
});
var siteOutput = new StringBuilder();
site.OutputDataReceived += (_, e) => { lock (siteOutput) { siteOutput.AppendLine(e.Data); } };
site.ErrorDataReceived += (_, e) => { lock (siteOutput) { siteOutput.AppendLine(e.Data); } };
site.BeginOutputReadLine();
site.BeginErrorReadLine();
try
{
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(3) };
    await WaitUpAsync(http, site);
    var home = await http.GetStringAsync(new Uri("/", UriKind.Relative));
    var agency = Regex.Match(home, "/agencies/([0-9a-fA-F-]{36})").Groups[1].Value;
    var submit = new Uri($"/api/v1/agencies/{agency}/applications", UriKind.Relative);
    var form = new
    {
        applicantKind = "NaturalPerson",
        name = "基准测试",
        personDocumentNumber = "11010519491231002X",
        email = "bench@example.cn",
        content = "基准测试：请公开2025年区级预算调整方案全文",
    };

    // Warm-up: JIT, the connection pool, the writer.
    for (var i = 0; i < 50; i++)
    {
        (await http.PostAsJsonAsync(submit, form)).EnsureSuccessStatusCode();
    }

    var latencies = new ConcurrentBag<double>();
    var statuses = new ConcurrentDictionary<int, int>();
    using var stop = new CancellationTokenSource();
    var clock = Stopwatch.StartNew();
    var submitters = Enumerable.Range(0, int.Parse(options["--submitters"], c)).Select(_ => Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            int status;
            try
            {
                using var response = await http.PostAsJsonAsync(submit, form);
                status = (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
                status = 0;
            }

            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        }
    })).ToArray();

    await Task.Delay(2000);
    var importItems = RunAsync(cli, ["import", "items", itemsFile, "--agency", AgencyName, "--db", db]);
    var importAppeals = RunAsync(cli, ["import", "appeals", appealsFile, "--agency", AgencyName, "--db", db]);
    var itemsResult = await importItems;
    var appealsResult = await importAppeals;
    await stop.CancelAsync();
    await Task.WhenAll(submitters);
    var seconds = clock.Elapsed.TotalSeconds;

    var sorted = latencies.Order().ToArray();
    double Percentile(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
    Console.WriteLine($"import items ({items.ToString(c)} rows): exit {itemsResult.ExitCode.ToString(c)} in {itemsResult.Seconds.ToString("F1", c)} s; {itemsResult.Output.Trim()}");
    Console.WriteLine($"import appeals ({appeals.ToString(c)} rows): exit {appealsResult.ExitCode.ToString(c)} in {appealsResult.Seconds.ToString("F1", c)} s; {appealsResult.Output.Trim()}");
    Console.WriteLine($"submissions: {sorted.Length.ToString(c)} in {seconds.ToString("F1", c)} s ({(sorted.Length / seconds).ToString("F0", c)}/s), by status: "
        + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key.ToString(c)}={s.Value.ToString(c)}")));
    Console.WriteLine($"5xx: {statuses.Where(s => s.Key >= 500).Sum(s => s.Value).ToString(c)}; latency ms p50={Percentile(50).ToString("F1", c)} p90={Percentile(90).ToString("F1", c)} "
        + $"p99={Percentile(99).ToString("F1", c)} max={sorted[^1].ToString("F1", c)}");
    var failed = itemsResult.ExitCode != 0 || appealsResult.ExitCode != 0 || statuses.Keys.Any(s => s != 201);
    return failed ? 1 : 0;
}
finally
{
    site.Kill(entireProcessTree: true);
    await site.WaitForExitAsync();
    lock (siteOutput)
    {
        var warnings = siteOutput.ToString().Trim();
        if (warnings.Length > 0)
        {
            Console.WriteLine("site output:\n" + warnings[..Math.Min(warnings.Length, 2000)]);
        }
    }

    site.Dispose();
    if (!options.ContainsKey("--db"))
    {
        Directory.Delete(work, recursive: true);
    }
}

static Process Start(string dll, string[] arguments, IReadOnlyDictionary<string, string>? environment = null)
{
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
    start.ArgumentList.Add(dll);
    foreach (var argument in arguments)
    {
        start.ArgumentList.Add(argument);
    }

    foreach (var (name, value) in environment ?? new Dictionary<string, string>())
    {
        start.Environment[name] = value;
    }

    return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
}

static async Task<(int ExitCode, double Seconds, string Output)> RunAsync(string dll, string[] arguments)
{
    var clock = Stopwatch.StartNew();
    using var process = Start(dll, arguments);
    var output = process.StandardOutput.ReadToEndAsync();
    var errors = process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    return (process.ExitCode, clock.Elapsed.TotalSeconds, (await output + await errors).Replace('\n', ' '));
}

static async Task WaitUpAsync(HttpClient http, Process site)
{
    for (var i = 0; i < 240; i++)
    {
        if (site.HasExited)
        {
            throw new InvalidOperationException("the site stopped before answering");
        }

        try
        {
            using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
        }

        await Task.Delay(500);
    }

    throw new TimeoutException("the site did not answer /healthz");
}
