using Gongkai.Domain.Common;

namespace Gongkai.Domain.Proactive;

/// <summary>
/// A key area (重点领域) of an agency that items are tagged with, many to an item: for the seed's office 扶贫协作,
/// 对口支援, 南水北调对口协作, “四个服务”. Unlike categories, topics form no tree.
/// </summary>
public sealed class Topic
{
    public const int MaxNameLength = 50;

    // For EF Core.
    private Topic()
    {
        Name = "";
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public string Name { get; private set; }

    public int SortOrder { get; private set; }

    public static Result<Topic> Create(Guid agencyId, string name, int sortOrder = 0)
    {
        if (agencyId == Guid.Empty)
        {
            return new Problem("topic.agencyRequired", "重点领域应属于一个机关");
        }

        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return new Problem("topic.nameRequired", "重点领域名称不能为空");
        }

        if (trimmed.Length > MaxNameLength)
        {
            return new Problem("topic.nameTooLong", $"重点领域名称不能超过{ProactiveText.Number(MaxNameLength)}个字");
        }

        return new Topic { Id = Guid.NewGuid(), AgencyId = agencyId, Name = trimmed, SortOrder = sortOrder };
    }
}
