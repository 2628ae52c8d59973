using System.Buffers.Binary;
using System.Text;

namespace Gongkai.Core.Documents;

/// <summary>
/// Cuts a TrueType font down to the glyphs of the given characters, for one PDF. SkiaSharp's native library is built
/// without Skia's font subsetter, so Skia embeds whatever font it is given whole (2 MB a face); given this subset, it
/// embeds a few hundred glyphs. Glyphs are renumbered (0 stays .notdef) and only the tables a PDF viewer reads are
/// kept: cmap (one format 12 table: the characters given), glyf, loca, hmtx and the headers.
/// </summary>
internal static class TrueTypeSubset
{
    private static readonly string[] Kept = ["OS/2", "cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post"];

    /// <param name="font">A TrueType font of simple glyphs (the shipped faces: cu2qu outlines have no composites).</param>
    /// <param name="glyphs">Each character with its glyph id in <paramref name="font"/>.</param>
    public static byte[] Make(byte[] font, IReadOnlyCollection<(int CodePoint, ushort Glyph)> glyphs)
    {
        var tables = Tables(font);
        var head = tables["head"];
        var longLoca = BinaryPrimitives.ReadInt16BigEndian(head.Span[50..]) == 1;
        var metricsCount = BinaryPrimitives.ReadUInt16BigEndian(tables["hhea"].Span[34..]);
        var loca = tables["loca"].Span;
        var glyf = tables["glyf"].Span;
        var hmtx = tables["hmtx"].Span;

        var old = glyphs.Select(g => g.Glyph).Append((ushort)0).Distinct().Order().ToList();
        var renumbered = old.Select((g, i) => (g, i)).ToDictionary(p => p.g, p => (ushort)p.i);

        var newGlyf = new MemoryStream();
        var newLoca = new byte[(old.Count + 1) * 4];
        var newHmtx = new byte[old.Count * 4];
        for (var i = 0; i < old.Count; i++)
        {
            var g = old[i];
            var start = LocaAt(loca, g, longLoca);
            var end = LocaAt(loca, g + 1, longLoca);
            if (end > start && BinaryPrimitives.ReadInt16BigEndian(glyf[start..]) < 0)
            {
                throw new InvalidOperationException($"Glyph {g} is composite: the subsetter keeps simple glyphs only.");
            }

            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(i * 4), (uint)newGlyf.Length);
            newGlyf.Write(glyf[start..end]);
            newGlyf.Write(new byte[(4 - ((end - start) % 4)) % 4]);

            // Glyphs past numberOfHMetrics share the last advance and keep their own left side bearing.
            var advance = hmtx.Slice(Math.Min(g, metricsCount - 1) * 4, 2);
            var bearing = g < metricsCount ? hmtx.Slice((g * 4) + 2, 2) : hmtx.Slice((metricsCount * 4) + ((g - metricsCount) * 2), 2);
            advance.CopyTo(newHmtx.AsSpan(i * 4));
            bearing.CopyTo(newHmtx.AsSpan((i * 4) + 2));
        }

        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(old.Count * 4), (uint)newGlyf.Length);

        var newHead = head.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(newHead.AsSpan(8), 0);
        BinaryPrimitives.WriteInt16BigEndian(newHead.AsSpan(50), 1);
        var hhea = tables["hhea"].ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(hhea.AsSpan(34), (ushort)old.Count);
        var maxp = tables["maxp"].ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(maxp.AsSpan(4), (ushort)old.Count);

        tables["head"] = newHead;
        tables["hhea"] = hhea;
        tables["maxp"] = maxp;
        tables["glyf"] = newGlyf.ToArray();
        tables["loca"] = newLoca;
        tables["hmtx"] = newHmtx;
        tables["cmap"] = Cmap(glyphs.Select(g => (g.CodePoint, renumbered[g.Glyph])));
        return Write(tables);
    }

    private static int LocaAt(ReadOnlySpan<byte> loca, int glyph, bool longLoca) => longLoca
        ? (int)BinaryPrimitives.ReadUInt32BigEndian(loca[(glyph * 4)..])
        : BinaryPrimitives.ReadUInt16BigEndian(loca[(glyph * 2)..]) * 2;

    /// <summary>The kept tables, as slices of the font (not copies: the glyf table of a shipped face is 2–3 MB).</summary>
    private static Dictionary<string, ReadOnlyMemory<byte>> Tables(byte[] font)
    {
        var tables = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (var i = 0; i < count; i++)
        {
            var record = font.AsSpan(12 + (i * 16), 16);
            var tag = Encoding.ASCII.GetString(record[..4]);
            if (Kept.Contains(tag))
            {
                var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
                var length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
                tables[tag] = font.AsMemory(offset, length);
            }
        }

        return tables;
    }

    /// <summary>A cmap of one Windows Unicode full-repertoire subtable, format 12, a group per run of consecutive characters and glyphs.</summary>
    private static byte[] Cmap(IEnumerable<(int CodePoint, ushort Glyph)> map)
    {
        var groups = new List<(int Start, int End, int Glyph)>();
        foreach (var (codePoint, glyph) in map.Order())
        {
            if (groups.Count > 0 && groups[^1].End + 1 == codePoint && groups[^1].Glyph + codePoint - groups[^1].Start == glyph)
            {
                groups[^1] = groups[^1] with { End = codePoint };
            }
            else
            {
                groups.Add((codePoint, codePoint, glyph));
            }
        }

        var length = 16 + (groups.Count * 12);
        var cmap = new byte[12 + length];
        var span = cmap.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], 1);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], 3);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], 10);
        BinaryPrimitives.WriteUInt32BigEndian(span[8..], 12);
        BinaryPrimitives.WriteUInt16BigEndian(span[12..], 12);
        BinaryPrimitives.WriteUInt32BigEndian(span[16..], (uint)length);
        BinaryPrimitives.WriteUInt32BigEndian(span[24..], (uint)groups.Count);
        for (var i = 0; i < groups.Count; i++)
        {
            var group = span[(28 + (i * 12))..];
            BinaryPrimitives.WriteUInt32BigEndian(group, (uint)groups[i].Start);
            BinaryPrimitives.WriteUInt32BigEndian(group[4..], (uint)groups[i].End);
            BinaryPrimitives.WriteUInt32BigEndian(group[8..], (uint)groups[i].Glyph);
        }

        return cmap;
    }

    private static byte[] Write(Dictionary<string, ReadOnlyMemory<byte>> tables)
    {
        var tags = tables.Keys.Order(StringComparer.Ordinal).ToList();
        var header = 12 + (tags.Count * 16);
        var size = header + tables.Values.Sum(t => (t.Length + 3) & ~3);
        var font = new byte[size];
        var span = font.AsSpan();
        var power = 1;
        while (power * 2 <= tags.Count)
        {
            power *= 2;
        }

        BinaryPrimitives.WriteUInt32BigEndian(span, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)tags.Count);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)Math.Log2(power));
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)((tags.Count - power) * 16));
        var offset = header;
        var headOffset = 0;
        for (var i = 0; i < tags.Count; i++)
        {
            var data = tables[tags[i]];
            var record = span[(12 + (i * 16))..];
            Encoding.ASCII.GetBytes(tags[i], record);
            data.Span.CopyTo(span[offset..]);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(span.Slice(offset, (data.Length + 3) & ~3)));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            headOffset = tags[i] == "head" ? offset : headOffset;
            offset += (data.Length + 3) & ~3;
        }

        BinaryPrimitives.WriteUInt32BigEndian(span[(headOffset + 8)..], unchecked(0xB1B0AFBA - Checksum(span)));
        return font;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        var sum = 0u;
        for (var i = 0; i + 4 <= data.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        }

        return sum;
    }
}
