namespace Gongkai.Tests;

/// <summary>
/// Cleaning up after tests, best effort: a folder or database that cannot be removed (a file still held open, a server
/// gone) is reported and left behind, never thrown. Thrown from a fixture's dispose it would fail every test sharing the
/// fixture, though none of them failed; the system's temp cleaning and a CI machine's end take what stays.
/// </summary>
internal static class Cleanup
{
    public static void DeleteFolder(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Report($"could not remove the folder {path}: {e.Message}");
        }
    }

    /// <summary>Runs a clean-up step; what it throws is reported, not passed on.</summary>
    public static async Task TryAsync(string what, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception e)
        {
            Report($"could not {what}: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>
    /// <paramref name="thing"/> once <paramref name="prepare"/> succeeded; else it is disposed and the error passed on (a
    /// fixture keeps only what it made whole, so what it gave up on would not be cleaned up at the end).
    /// </summary>
    public static async Task<T> DisposeOnFailureAsync<T>(T thing, Func<T, Task> prepare)
        where T : IAsyncDisposable
    {
        try
        {
            await prepare(thing);
            return thing;
        }
        catch
        {
            await thing.DisposeAsync();
            throw;
        }
    }

    /// <summary>To stderr, which the run's log shows, and to the current test's output when there is one (a fixture's dispose has none).</summary>
    public static void Report(string message)
    {
        var line = "Test clean-up left something behind: " + message;
        Console.Error.WriteLine(line);
        TestContext.Current.TestOutputHelper?.WriteLine(line);
    }
}
