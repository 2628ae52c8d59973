using Gongkai.Domain.Common;

namespace Gongkai.Domain.Agencies;

/// <summary>The one <c>agency.notFound</c>: every feature that looks an agency up refuses with this.</summary>
public static class AgencyProblems
{
    public const string NotFoundCode = "agency.notFound";

    /// <summary>No agency with that id (or none the caller may see).</summary>
    public static Problem NotFound() => Problem.NotFound(NotFoundCode, "机关不存在");

    /// <summary>No agency of that name.</summary>
    public static Problem NotFound(string name) => Problem.NotFound(NotFoundCode, $"机关「{name}」不存在");
}
