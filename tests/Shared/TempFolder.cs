namespace Gongkai.Tests;

/// <summary>
/// A folder of its own under the system's temp folder, created at once (anything may write there from the start) and
/// removed when disposed. Removal is best effort (<see cref="Cleanup.DeleteFolder"/>): a test's leftovers never fail it.
/// </summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "gongkai-test-") => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    /// <summary>Writes <paramref name="content"/> to a file of the folder and gives its path.</summary>
    public string File(string name, string content)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Cleanup.DeleteFolder(Path);
}
