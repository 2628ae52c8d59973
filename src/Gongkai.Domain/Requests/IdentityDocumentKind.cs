namespace Gongkai.Domain.Requests;

/// <summary>The identity documents an applicant can prove identity with (条例 Art 29¶2(一): 身份证明).</summary>
public enum IdentityDocumentKind
{
    /// <summary>居民身份证: the only kind whose number is checked (GB 11643-1999).</summary>
    ResidentIdentityCard,
    Passport,
    HongKongMacaoTravelPermit,
    TaiwanTravelPermit,
    ForeignPermanentResidentCard,
    Other,
}

public static class IdentityDocumentKinds
{
    public static string DisplayName(this IdentityDocumentKind kind) => kind switch
    {
        IdentityDocumentKind.ResidentIdentityCard => "居民身份证",
        IdentityDocumentKind.Passport => "护照",
        IdentityDocumentKind.HongKongMacaoTravelPermit => "港澳居民来往内地通行证",
        IdentityDocumentKind.TaiwanTravelPermit => "台湾居民来往大陆通行证",
        IdentityDocumentKind.ForeignPermanentResidentCard => "外国人永久居留身份证",
        IdentityDocumentKind.Other => "其他证件",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
