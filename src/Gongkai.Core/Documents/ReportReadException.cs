namespace Gongkai.Core.Documents;

/// <summary>
/// A file that cannot be read as a report at all (empty, binary, a corrupt DOCX): <c>gongkai check</c> exits 2.
/// A file that reads but holds a broken report is not an exception: it gives findings.
/// </summary>
public sealed class ReportReadException : Exception
{
    public ReportReadException()
    {
    }

    public ReportReadException(string message)
        : base(message)
    {
    }

    public ReportReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
