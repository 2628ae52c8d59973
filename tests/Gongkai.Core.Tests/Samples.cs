namespace Gongkai.Core.Tests;

/// <summary>The sample reports copied next to the tests (samples/reports in the repository).</summary>
internal static class Samples
{
    public const string SeedName = "000_4b732cc91709996f.txt";

    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "samples", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));

    public static string SeedText => File.ReadAllText(Path(SeedName));
}
