using System.Globalization;
using Gongkai.Domain.Common;

namespace Gongkai.Domain.Agencies;

/// <summary>
/// A division inside an agency (科室, e.g. 综合科): the unit that drafts and follows up disclosure items, so that
/// timeliness can be shown per division (the seed report's problem #2).
/// </summary>
public sealed class Division
{
    public const int MaxNameLength = 50;

    // For EF Core.
    private Division()
    {
        Name = "";
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The division's name as the agency uses it, e.g. 综合科.</summary>
    public string Name { get; private set; }

    public static Result<Division> Create(Guid agencyId, string name)
    {
        if (agencyId == Guid.Empty)
        {
            return new Problem("division.agencyRequired", "科室应属于一个机关");
        }

        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return new Problem("division.nameRequired", "科室名称不能为空");
        }

        if (trimmed.Length > MaxNameLength)
        {
            return new Problem("division.nameTooLong", $"科室名称不能超过{MaxNameLength.ToString(CultureInfo.InvariantCulture)}个字");
        }

        return new Division { Id = Guid.NewGuid(), AgencyId = agencyId, Name = trimmed };
    }
}
