using System.Text.RegularExpressions;

namespace Gongkai.Domain.Tests.Architecture;

/// <summary>
/// Rules of the code base that the compiler cannot keep (issue 12): checked over the hand-written C# of the clone
/// (generated migrations, bin and obj excluded), so a change that breaks one fails here with the file and line.
/// </summary>
public sealed partial class SourceRulesTests
{
    private const int MaxLineLength = 200;

    [Fact]
    public void HandWrittenCode_NoLineOverTheLimit()
    {
        var over = Sources("src", "tests", "bench")
            .SelectMany(f => File.ReadLines(f.Path).Select((line, i) => (f.Name, Line: i + 1, line.Length)))
            .Where(l => l.Length > MaxLineLength)
            .Select(l => $"{l.Name}:{l.Line} ({l.Length})")
            .ToList();

        Assert.True(over.Count == 0, $"{over.Count} lines over {MaxLineLength} characters:\n{string.Join('\n', over)}");
    }

    [Fact]
    public void ConsistencyRules_CheckedInOnePlace_ReportCheck() =>
        Assert.Equal(["src/Gongkai.Core/Features/AnnualReports/ReportCheck.cs"], FilesMatching(ConsistencyCheck(), "src"));

    [Fact]
    public void ReportWriters_ChosenInOnePlace_TheFormatRegistry() =>
        Assert.Equal(["src/Gongkai.Core/Documents/ReportFileFormats.cs"], FilesMatching(WriterCall(), "src"));

    [Fact]
    public void StaffAccounts_CreatedInOnePlace_CreateStaffUser() =>
        Assert.Equal(["src/Gongkai.Core/Features/Accounts/CreateStaffUser.cs"], FilesMatching(UserCreation(), "src"));

    /// <summary>Hosts only translate: a query over the database context (or Identity's user set) belongs to a Core use case.</summary>
    [Fact]
    public void Hosts_NoQueryOverTheDatabaseContext() =>
        Assert.Empty(FilesMatching(ContextQuery(), "src/Gongkai.Web", "src/Gongkai.Cli"));

    private static List<string> FilesMatching(Regex pattern, params string[] folders) =>
        [.. Sources(folders).Where(f => pattern.IsMatch(File.ReadAllText(f.Path))).Select(f => f.Name)];

    [GeneratedRegex(@"ConsistencyRules\.Check\(")]
    private static partial Regex ConsistencyCheck();

    [GeneratedRegex(@"\b\w+ReportWriter\.Write\w*\(")]
    private static partial Regex WriterCall();

    [GeneratedRegex(@"\b\w*(users|Users|userManager|UserManager)\.CreateAsync\(")]
    private static partial Regex UserCreation();

    [GeneratedRegex(@"\b(db|Db|context|Context|dbContext|database)\.[A-Z]\w*\.(Where|Select|Any|AnyAsync|All|Count|CountAsync|First|FirstAsync|"
        + @"FirstOrDefault|FirstOrDefaultAsync|Single|SingleAsync|SingleOrDefaultAsync|ToListAsync|ToDictionaryAsync|ToArrayAsync|OrderBy|"
        + @"OrderByDescending|AsNoTracking|IgnoreAutoIncludes|Include|FindAsync|ExecuteUpdateAsync|ExecuteDeleteAsync|Find)\b"
        + @"|\.Users\.(Where|Any|AnyAsync|FirstOrDefaultAsync|CountAsync|ToListAsync)\b|\.Set<")]
    private static partial Regex ContextQuery();

    /// <summary>The hand-written .cs files under the given top folders of the clone, with their paths from the root.</summary>
    internal static IEnumerable<(string Path, string Name)> Sources(params string[] folders)
    {
        var root = Root();
        return folders
            .Select(f => System.IO.Path.Combine(root, f))
            .Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*.cs", SearchOption.AllDirectories))
            .Select(p => (Path: p, Name: System.IO.Path.GetRelativePath(root, p).Replace('\\', '/')))
            .Where(f => !Generated().IsMatch(f.Name))
            .OrderBy(f => f.Name, StringComparer.Ordinal);
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Gongkai.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Gongkai.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"(^|/)(bin|obj|Migrations)/")]
    private static partial Regex Generated();
}
