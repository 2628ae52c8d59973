namespace Gongkai.Core.Documents;

/// <summary>
/// Reads through another stream and refuses (<see cref="ReadLimits.Refuse"/>) once more than a budget shared by
/// several streams has come out: a decompressor's output is counted as it is produced, whatever size the file declares.
/// </summary>
internal sealed class CountingReadStream(Stream inner, CountingReadStream.Budget budget) : Stream
{
    /// <summary>Bytes still allowed, and what a refusal says when they run out.</summary>
    public sealed class Budget(long bytes, string detail, string developer)
    {
        public long Left { get; private set; } = bytes;

        public void Spend(long count)
        {
            Left -= count;
            if (Left < 0)
            {
                throw ReadLimits.Refuse(detail, developer);
            }
        }
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        budget.Spend(read);
        return read;
    }

    /// <summary>Reads to the end, keeping nothing.</summary>
    public void Drain()
    {
        Span<byte> scratch = stackalloc byte[8192];
        while (Read(scratch) > 0)
        {
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
