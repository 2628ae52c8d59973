using System.IO.Compression;
using System.Text;

namespace Gongkai.Fuzz;

/// <summary>
/// Changes a seed file the way fuzzers do (AFL's havoc stage): flip bits, set bytes to edge values, delete, duplicate
/// and repeat ranges (repetition is what finds nesting and size bugs), insert the target's tokens, splice another seed.
/// A DOCX is changed inside: its document.xml is mutated and the package zipped again, since a changed zip byte mostly
/// fails its checksum. Deterministic for a given <see cref="Random"/>.
/// </summary>
internal static class Mutator
{
    private static readonly byte[] EdgeBytes = [0x00, 0x01, 0x7F, 0x80, 0xFF, (byte)'<', (byte)'>', (byte)'(', (byte)')', (byte)'\n', (byte)'\t', (byte)'"'];

    public static byte[] Mutate(byte[] seed, byte[] other, IReadOnlyList<byte[]> tokens, Random random, bool zipped)
    {
        if (zipped && random.Next(5) > 0 && Inner(seed) is { } xml)
        {
            return Rezip(seed, Havoc(xml, Inner(other) ?? other, tokens, random, maxSteps: 2));
        }

        return Havoc(seed, other, tokens, random, maxSteps: 32);
    }

    /// <summary>Up to <paramref name="maxSteps"/> changes; XML takes few, since nearly any change of a few breaks it.</summary>
    private static byte[] Havoc(byte[] seed, byte[] other, IReadOnlyList<byte[]> tokens, Random random, int maxSteps)
    {
        var data = new List<byte>(seed);
        var steps = 1 + random.Next(maxSteps);
        for (var s = 0; s < steps && data.Count < 4 * 1024 * 1024; s++)
        {
            var at = data.Count == 0 ? 0 : random.Next(data.Count);
            var length = data.Count == 0 ? 0 : Math.Min(data.Count - at, 1 + random.Next(Math.Min(256, data.Count)));
            switch (random.Next(8))
            {
                case 0 when data.Count > 0:
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when data.Count > 0:
                    data[at] = EdgeBytes[random.Next(EdgeBytes.Length)];
                    break;
                case 2:
                    data.RemoveRange(at, length);
                    break;
                case 3:
                    data.InsertRange(at, data.GetRange(at, length));
                    break;
                case 4:
                    // A range repeated many times: deep nesting, long lines, many cells.
                    var range = data.GetRange(at, Math.Min(length, 32)).ToArray();
                    var times = 1 << random.Next(1, 12);
                    data.InsertRange(at, Enumerable.Repeat(range, times).SelectMany(r => r));
                    break;
                case 5:
                case 6:
                    data.InsertRange(at, tokens[random.Next(tokens.Count)]);
                    break;
                default:
                    var from = random.Next(other.Length);
                    data.InsertRange(at, other.AsSpan(from, Math.Min(other.Length - from, 1 + random.Next(512))).ToArray());
                    break;
            }
        }

        return [.. data];
    }

    /// <summary>The main part of a DOCX, or null when the bytes are no zip with one.</summary>
    internal static byte[]? Inner(byte[] docx)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(docx, writable: false), ZipArchiveMode.Read);
            using var part = zip.GetEntry("word/document.xml")?.Open();
            if (part is null)
            {
                return null;
            }

            using var copy = new MemoryStream();
            part.CopyTo(copy);
            return copy.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The DOCX with its main part replaced.</summary>
    internal static byte[] Rezip(byte[] docx, byte[] document)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(docx, writable: false), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var to = target.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                if (entry.FullName == "word/document.xml")
                {
                    to.Write(document);
                }
                else
                {
                    using var from = entry.Open();
                    from.CopyTo(to);
                }
            }
        }

        return output.ToArray();
    }

    public static byte[][] Tokens(params string[] tokens) => [.. tokens.Select(Encoding.UTF8.GetBytes)];
}
