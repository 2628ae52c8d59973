using Gongkai.Domain.Requests;

namespace Gongkai.Domain.Tests.Requests;

public sealed class ApplicantTests
{
    private static readonly ContactDetails Contact = ContactDetails.Create(null, "a@example.cn", null).Value;

    [Fact]
    public void IdentityDocument_ResidentCard_CheckedAndMasked()
    {
        var document = ResultAssert.Ok(IdentityDocument.Create(IdentityDocumentKind.ResidentIdentityCard, "11010519491231002x"));
        Assert.Equal("11010519491231002X", document.Number);
        Assert.Equal("居民身份证 110105********002X", document.ToString());
        ResultAssert.Fails(IdentityDocument.Create(IdentityDocumentKind.ResidentIdentityCard, "110105194912310023"),
            "identityNumber.checkCharacter");
    }

    [Theory]
    [InlineData(IdentityDocumentKind.Passport, "E12345678", "护照 *****5678")]
    [InlineData(IdentityDocumentKind.HongKongMacaoTravelPermit, "H1234567890", "港澳居民来往内地通行证 *******7890")]
    [InlineData(IdentityDocumentKind.Other, "abc", "其他证件 abc")]
    public void IdentityDocument_OtherKinds_NotChecked(IdentityDocumentKind kind, string number, string shown) =>
        Assert.Equal(shown, ResultAssert.Ok(IdentityDocument.Create(kind, number)).ToString());

    [Fact]
    public void IdentityDocument_EmptyNumber_Problem() =>
        ResultAssert.Fails(IdentityDocument.Create(IdentityDocumentKind.Passport, " "), "identityDocument.numberRequired");

    [Theory]
    [InlineData(ApplicantKind.NaturalPerson, "naturalPerson")]
    [InlineData(ApplicantKind.CommercialEnterprise, "commercialEnterprise")]
    [InlineData(ApplicantKind.ResearchInstitution, "researchInstitution")]
    [InlineData(ApplicantKind.PublicWelfareOrganization, "publicWelfareOrganization")]
    [InlineData(ApplicantKind.LegalServiceInstitution, "legalServiceInstitution")]
    [InlineData(ApplicantKind.OtherOrganization, "otherOrganization")]
    public void ApplicantKind_ReportColumnKey(ApplicantKind kind, string key) => Assert.Equal(key, kind.ReportColumnKey());

    [Fact]
    public void NaturalPerson_ToString_HidesDocumentAndContact()
    {
        var person = Person();
        Assert.Equal("自然人：张三", person.ToString());
        Assert.Null(person.CreditCode);
    }

    [Fact]
    public void Organization_WithCreditCode_Accepted()
    {
        var code = CreditCode.TryParse("91350100M000100Y43").Value;
        var org = ResultAssert.Ok(Applicant.Organization(ApplicantKind.CommercialEnterprise, "某商贸有限公司", code, null, Contact));
        Assert.Equal(code, org.CreditCode);
        Assert.Equal("commercialEnterprise", org.Kind.ReportColumnKey());
    }

    [Fact]
    public void Organization_NeitherCodeNorDocument_Problem() =>
        ResultAssert.Fails(Applicant.Organization(ApplicantKind.OtherOrganization, "某协会", null, null, Contact),
            "applicant.identityRequired");

    [Fact]
    public void Organization_KindNaturalPerson_Problem() =>
        ResultAssert.Fails(Applicant.Organization(ApplicantKind.NaturalPerson, "某公司",
            CreditCode.TryParse("91350100M000100Y43").Value, null, Contact), "applicant.kind");

    [Fact]
    public void NaturalPerson_BlankName_Problem() =>
        ResultAssert.Fails(Applicant.NaturalPerson(" ", Person().Document!, Contact), "applicant.nameRequired");

    [Theory]
    [InlineData(null, null, null, "contact.required")]
    [InlineData(null, "not-an-email", null, "contact.email")]
    public void ContactDetails_Invalid_Problem(string? phone, string? email, string? address, string code) =>
        ResultAssert.Fails(ContactDetails.Create(phone, email, address), code);

    private static Applicant Person() =>
        Applicant.NaturalPerson("张三", IdentityDocument.Create(IdentityDocumentKind.ResidentIdentityCard, "11010519491231002X").Value, Contact).Value;
}
