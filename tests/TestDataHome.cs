using System.Runtime.CompilerServices;

namespace Gongkai.Tests;

/// <summary>
/// Keeps every test process off the operator's real data folder (<c>~/.local/share/gongkai</c>): before any test
/// runs, the user data folder of this process (XDG_DATA_HOME, which .NET reads for LocalApplicationData on Linux)
/// is a fresh temporary folder. Set once and never changed, so tests running in parallel all see the same value;
/// tests pass explicit paths anyway, this is the net under them (and under the processes they start).
/// </summary>
internal static class TestDataHome
{
    public const string Variable = "XDG_DATA_HOME";

    // CA2255 is about libraries; a test assembly is the program here, and no test may run before this.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize() =>
        Environment.SetEnvironmentVariable(Variable, Directory.CreateTempSubdirectory("gongkai-test-data-home-").FullName);
}
