using System.Globalization;
using System.Text;

namespace Gongkai.Domain.Requests;

/// <summary>
/// An applicant's name where the reader does not need it (oversight, audit): the first character and one * for each
/// other, e.g. 张三丰 → 张**, so a list still tells applicants apart by surname without naming them (DESIGN.md:
/// personal data masked where not needed).
/// </summary>
public static class ApplicantNames
{
    public static string Mask(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.Trim();
        if (text.Length == 0)
        {
            return "";
        }

        // By text element, not char: a name may hold a character outside the BMP (生僻字 in CJK Extension B).
        var elements = StringInfo.GetNextTextElementLength(text);
        var rest = new StringInfo(text).LengthInTextElements - 1;
        return new StringBuilder(text[..elements]).Append('*', Math.Max(1, rest)).ToString();
    }
}
