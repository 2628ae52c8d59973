using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace Gongkai.Core.Documents;

/// <summary>
/// The PDF library's own filters, each refusing (<see cref="ReadLimits"/>) a stream that decodes beyond
/// <see cref="ReadLimits.MaxPdfStreamBytes"/> or a file whose streams together decode beyond
/// <see cref="ReadLimits.MaxPdfDecodedBytes"/>: the library inflates a stream whole, whatever it becomes (a 1 MB flate
/// bomb took 2.66 GB, issue 16, 8). Flate is inflated once here first, counting and keeping nothing, so a bomb is
/// refused before the library allocates; LZW and run-length streams are refused when their worst ratio could pass
/// the limit. One instance reads one file.
/// </summary>
internal sealed class PdfStreamLimits : IFilterProvider
{
    /// <summary>Worst output per input byte: LZW's 12-bit codes stand for strings up to 4,096 bytes; run-length's 2 bytes for 128.</summary>
    private const int LzwRatio = 4096;

    private const int RunLengthRatio = 64;

    private readonly IFilterProvider _inner = DefaultFilterProvider.Instance;

    private readonly CountingReadStream.Budget _total = new(ReadLimits.MaxPdfDecodedBytes,
        $"PDF数据流解压后合计超过{ReadLimits.Megabytes(ReadLimits.MaxPdfDecodedBytes)}", $"The PDF's streams decode to more than {ReadLimits.MaxPdfDecodedBytes} bytes together.");

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Wrap(_inner.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Wrap(_inner.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => Wrap(_inner.GetAllFilters());

    private IReadOnlyList<IFilter> Wrap(IReadOnlyList<IFilter> filters) => [.. filters.Select(f => (IFilter)new Limited(f, _total))];

    private static ReportReadException StreamTooLarge() =>
        ReadLimits.Refuse($"PDF数据流解压后超过{ReadLimits.Megabytes(ReadLimits.MaxPdfStreamBytes)}", $"A PDF stream decodes to more than {ReadLimits.MaxPdfStreamBytes} bytes.");

    private sealed class Limited(IFilter inner, CountingReadStream.Budget total) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            var worst = inner switch
            {
                LzwFilter => (long)input.Length * LzwRatio,
                RunLengthFilter => (long)input.Length * RunLengthRatio,
                _ => 0,
            };
            if (worst > ReadLimits.MaxPdfStreamBytes)
            {
                throw StreamTooLarge();
            }

            if (inner is FlateFilter)
            {
                MeasureFlate(input);
            }

            var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            if (output.Length > ReadLimits.MaxPdfStreamBytes)
            {
                throw StreamTooLarge();
            }

            total.Spend(output.Length);
            var (shown, paths) = PdfContentScan.Count(output.Span);
            if (shown > ReadLimits.MaxPdfPageLetters || paths > ReadLimits.MaxPdfPagePaths)
            {
                throw ReadLimits.Refuse("PDF页面内容过多",
                    $"A PDF stream shows {shown} string bytes and draws {paths} path parts, over the limits of {ReadLimits.MaxPdfPageLetters} and {ReadLimits.MaxPdfPagePaths}.");
            }

            return output;
        }

        /// <summary>Inflates as the library does (zlib header skipped, raw deflate), counting; a damaged end stops the count, as it stops the library.</summary>
        private static void MeasureFlate(Memory<byte> input)
        {
            var start = input.Length >= 2 ? 2 : 0;
            var budget = new CountingReadStream.Budget(ReadLimits.MaxPdfStreamBytes, "", "");
            using var deflate = new DeflateStream(new MemoryStream(input[start..].ToArray(), writable: false), CompressionMode.Decompress);
            using var counted = new CountingReadStream(deflate, budget);
            try
            {
                counted.Drain();
            }
            catch (InvalidDataException)
            {
            }
            catch (ReportReadException)
            {
                throw StreamTooLarge();
            }
        }
    }
}
