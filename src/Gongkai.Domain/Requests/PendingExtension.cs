namespace Gongkai.Domain.Requests;

/// <summary>
/// An extension of the reply period a handler asked for (条例 Art 33¶2), waiting for the consent of the
/// 政府信息公开工作机构负责人: who asked (<paramref name="RequestedById"/> may not approve it), when, for how many
/// working days and why.
/// </summary>
public sealed record PendingExtension(string RequestedById, string RequestedByName, DateOnly RequestedOn, int WorkingDays, string Reason);
