using Gongkai.Domain.Common;

namespace Gongkai.Domain.Agencies;

/// <summary>
/// An administrative body that discloses information (行政机关): a district government and its departments form a
/// hierarchy through <see cref="ParentId"/>. Every record belongs to an agency.
/// </summary>
public sealed class Agency
{
    public const int MaxNameLength = 100;

    private Agency()
    {
        Name = "";
    }

    public Guid Id { get; private set; }

    /// <summary>The full official name, e.g. 北京市东城区对外联络服务办公室.</summary>
    public string Name { get; private set; }

    public Guid? ParentId { get; private set; }

    public static Result<Agency> Create(string name, Guid? parentId = null)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            return new Problem("agency.nameRequired", "机关名称不能为空");
        }

        if (trimmed.Length > MaxNameLength)
        {
            return new Problem("agency.nameTooLong", $"机关名称不能超过{MaxNameLength}个字");
        }

        return new Agency { Id = Guid.NewGuid(), Name = trimmed, ParentId = parentId };
    }
}
