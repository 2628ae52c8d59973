using Gongkai.Domain.Requests;
using static Gongkai.Domain.Tests.Requests.RequestScenario;
using static Gongkai.Domain.Tests.Requests.ResultAssert;

namespace Gongkai.Domain.Tests.Requests;

/// <summary>The receipt date of 条例 Art 31 for each channel staff register, and the facts each channel needs.</summary>
public sealed class IntakeFactsTests
{
    private static readonly DateOnly Today = new(2020, 9, 28);
    private static readonly DateOnly Arrived = new(2020, 9, 24);

    public static TheoryData<Channel, bool> ConfirmationByChannel => new()
    {
        { Channel.InPerson, false },
        { Channel.PostSigned, false },
        { Channel.Oral, false },
        { Channel.PostUnsigned, true },
        { Channel.Fax, true },
        { Channel.Email, true },
        { Channel.Online, true },
    };

    [Theory]
    [MemberData(nameof(ConfirmationByChannel))]
    public void NeedsConfirmation_EachChannel_AsArticle31Says(Channel channel, bool needs)
    {
        Assert.Equal(needs, channel.NeedsConfirmation());
        Assert.Contains("条例第", channel.ReceiptRule(), StringComparison.Ordinal);
        Assert.NotEmpty(channel.DisplayName());
    }

    [Fact]
    public void Channels_EmailAndOral_AppendedAfterTheStoredOnes()
    {
        // Stored as integers: the old values keep their numbers.
        Assert.Equal(4, (int)Channel.Fax);
        Assert.Equal(5, (int)Channel.Email);
        Assert.Equal(6, (int)Channel.Oral);
    }

    [Fact]
    public void Create_PostSignedWithEms_ReceiptIsSignedForDate()
    {
        var facts = Ok(IntakeFacts.Create(Channel.PostSigned, Arrived, " ea123456789cn ", null, null, null, false, Today));

        Assert.Equal(Arrived, facts.ReceiptDate);
        Assert.Equal("EA123456789CN", facts.PostalNumber);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("EA1234<script>")]
    public void Create_PostSignedWithoutValidNumber_Refused(string? number) =>
        Assert.Contains("快递单号", Fails(IntakeFacts.Create(Channel.PostSigned, Arrived, number, null, null, null, false, Today), "intake.postalNumber").Message,
            StringComparison.Ordinal);

    [Theory]
    [InlineData(Channel.PostUnsigned)]
    [InlineData(Channel.Fax)]
    public void Create_NeedsConfirmation_NoReceiptUntilConfirmed(Channel channel)
    {
        Assert.Null(Ok(IntakeFacts.Create(channel, Arrived, null, null, null, null, false, Today)).ReceiptDate);
        Assert.Equal(Today, Ok(IntakeFacts.Create(channel, Arrived, null, null, Today, null, false, Today)).ReceiptDate);
    }

    [Fact]
    public void Create_Email_SubmittedOnIsTheServerReceiptInChina()
    {
        // 16:30 UTC on the 23rd is 00:30 on the 24th in Beijing.
        var facts = Ok(IntakeFacts.Create(Channel.Email, null, null, new DateTimeOffset(2020, 9, 23, 16, 30, 0, TimeSpan.Zero), Arrived, null, false, Today));

        Assert.Equal(Arrived, facts.SubmittedOn);
        Assert.Equal(Arrived, facts.ReceiptDate);
    }

    [Fact]
    public void Create_EmailWithoutServerTime_Refused() =>
        Fails(IntakeFacts.Create(Channel.Email, Arrived, null, null, null, null, false, Today), "intake.mailReceivedAt");

    [Fact]
    public void Create_Oral_ReceivedOnTheDayWithWhoWroteItDown()
    {
        var facts = Ok(IntakeFacts.Create(Channel.Oral, Arrived, null, null, null, " 王科员 ", true, Today));

        Assert.Equal(Arrived, facts.ReceiptDate);
        Assert.Equal("王科员", facts.FilledInBy);
    }

    [Fact]
    public void Create_OralNotSigned_Refused() =>
        Assert.Contains("签名", Fails(IntakeFacts.Create(Channel.Oral, Arrived, null, null, null, "王科员", false, Today), "intake.notSigned").Message, StringComparison.Ordinal);

    [Fact]
    public void Create_OralWithoutStaffName_Refused() =>
        Fails(IntakeFacts.Create(Channel.Oral, Arrived, null, null, null, " ", true, Today), "intake.filledInBy");

    [Fact]
    public void Create_Online_NotRegisteredByStaff() =>
        Fails(IntakeFacts.Create(Channel.Online, Arrived, null, null, null, null, false, Today), "intake.online");

    [Fact]
    public void Create_FutureDate_Refused() =>
        Fails(IntakeFacts.Create(Channel.InPerson, Today.AddDays(1), null, null, null, null, false, Today), "intake.future");

    [Fact]
    public void Create_NoDate_Refused() =>
        Assert.Equal("请填写签收日期", Fails(IntakeFacts.Create(Channel.PostSigned, null, "EA123456789CN", null, null, null, false, Today), "intake.submittedOn").Message);

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    public void Create_ConfirmationBeforeArrivalOrAfterToday_Refused(int daysFromArrival) =>
        Fails(IntakeFacts.Create(Channel.Fax, Arrived, null, null, Arrived.AddDays(daysFromArrival), null, false, Today), "intake.confirmedOn");

    [Fact]
    public void Create_ConfirmationWhereNoneIsNeeded_Refused() =>
        Fails(IntakeFacts.Create(Channel.InPerson, Arrived, null, null, Arrived, null, false, Today), "intake.noConfirmation");

    [Fact]
    public void Submit_Oral_WrittenDownByStaffAndReceivedAtOnce()
    {
        var request = Ok(DisclosureRequest.Submit(SubmitCommand(WorkedExample, Channel.Oral), OfficialCalendar));

        Assert.True(request.WrittenDownByStaff);
        Assert.Equal(RequestState.Received, request.State);
        Assert.Equal(WorkedExample, request.ReceivedOn);
        Assert.Contains("口头提出申请", request.Events[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_OralByTheApplicantThemself_Refused()
    {
        var command = SubmitCommand(WorkedExample, Channel.Oral) with { Actor = ApplicantActor };

        Fails(DisclosureRequest.Submit(command, OfficialCalendar), "request.oralApplication");
    }

    [Fact]
    public void Submit_Email_WaitsForConfirmation() =>
        Assert.Equal(RequestState.Submitted, Ok(DisclosureRequest.Submit(SubmitCommand(WorkedExample, Channel.Email), OfficialCalendar)).State);

    [Fact]
    public void Masked_ContactDetails_HidesAllButHints()
    {
        var masked = Ok(ContactDetails.Create("13812345678", "zhangsan@example.com", "北京市东城区某某街道1号院2号楼")).Masked();

        Assert.Equal("****5678", masked.Phone);
        Assert.Equal("z***@example.com", masked.Email);
        Assert.Equal("北京市东城区****", masked.PostalAddress);
    }
}
