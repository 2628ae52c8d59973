namespace Gongkai.Core.Documents;

/// <summary>
/// Counts, in a decoded PDF stream, what the library will turn into objects when it draws the stream as a page: the
/// bytes of strings shown by text operators (each may be a letter, about 350 bytes and 4.6 µs of the library's work)
/// and path operators. Run on every stream, since a file may dress a page's stream as a font; a font's binary data
/// gives next to nothing, because it rarely has a string followed by a text operator.
/// </summary>
internal static class PdfContentScan
{
    public static (long Shown, long PathOps) Count(ReadOnlySpan<byte> data)
    {
        long shown = 0;
        long paths = 0;
        long pending = 0;
        var i = 0;
        while (i < data.Length)
        {
            var b = data[i];
            if (b == '(')
            {
                pending += LiteralString(data, ref i);
            }
            else if (b == '<' && (i + 1 >= data.Length || data[i + 1] != '<'))
            {
                var end = data[i..].IndexOf((byte)'>');
                var length = end < 0 ? data.Length - i : end;
                pending += length / 2;
                i += length + 1;
            }
            else if (b == '%')
            {
                var end = data[i..].IndexOfAny((byte)'\n', (byte)'\r');
                i = end < 0 ? data.Length : i + end;
            }
            else if (char.IsAsciiLetter((char)b) || b is (byte)'\'' or (byte)'"')
            {
                var start = i;
                while (i < data.Length && (char.IsAsciiLetter((char)data[i]) || data[i] is (byte)'\'' or (byte)'"' or (byte)'*'))
                {
                    i++;
                }

                var op = data[start..i];
                if (op.SequenceEqual("Tj"u8) || op.SequenceEqual("TJ"u8) || op.SequenceEqual("'"u8) || op.SequenceEqual("\""u8))
                {
                    shown += pending;
                }
                else if (op.Length <= 2 && op[0] is (byte)'m' or (byte)'l' or (byte)'c' or (byte)'v' or (byte)'y' or (byte)'h' or (byte)'r')
                {
                    paths++;
                }

                pending = 0;
            }
            else
            {
                i++;
            }
        }

        return (shown, paths);
    }

    /// <summary>The bytes of a literal string (balanced parentheses, backslash escapes), moving past it.</summary>
    private static long LiteralString(ReadOnlySpan<byte> data, ref int i)
    {
        long length = 0;
        var depth = 0;
        for (; i < data.Length; i++)
        {
            var c = data[i];
            if (c == '\\')
            {
                i++;
                length++;
            }
            else if (c == '(')
            {
                depth++;
                length += depth > 1 ? 1 : 0;
            }
            else if (c == ')')
            {
                depth--;
                if (depth == 0)
                {
                    i++;
                    return length;
                }

                length++;
            }
            else
            {
                length++;
            }
        }

        return length;
    }
}
