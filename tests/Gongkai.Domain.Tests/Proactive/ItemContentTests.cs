using Gongkai.Domain.Agencies;
using Gongkai.Domain.Common;
using Gongkai.Domain.Proactive;
using static Gongkai.Domain.Tests.Proactive.ItemScenario;
using static Gongkai.Domain.Tests.Requests.ResultAssert;

namespace Gongkai.Domain.Tests.Proactive;

/// <summary>What an item's content must be: checked on create, revision, update and import alike.</summary>
public sealed class ItemContentTests
{
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static Result<DisclosureItem> Create(ItemContent content) =>
        DisclosureItem.Create(new CreateItem(Author, Day, At(Day), Guid.NewGuid(), AgencyId, content));

    private static Attachment Pdf(string name = "全文.pdf") => Ok(Attachment.Create(name, Hash, 1024, "application/pdf"));

    [Fact]
    public void Create_FullContent_StoredTrimmedWithIds()
    {
        var topic = Ok(Topic.Create(AgencyId, "对口支援"));
        var division = Ok(Division.Create(AgencyId, "综合科"));
        var content = Content("  标题  ") with
        {
            Topics = [topic, topic],
            Division = division,
            DocumentNumber = "  ",
            Body = " 正文 ",
            Attachments = [Pdf()],
            ProposalNumber = " 第92号 ",
        };

        var item = Ok(Create(content));

        Assert.Equal(("标题", (string?)null, "正文", "第92号"), (item.Title, item.DocumentNumber, item.Body, item.ProposalNumber));
        Assert.Equal([topic.Id], item.TopicIds);
        Assert.Equal((division.Id, CategoryAt("业务动态").Id), (item.DivisionId, item.CategoryId));
        Assert.Equal([Pdf()], item.Attachments);
    }

    [Theory]
    [InlineData("", ItemProblems.TitleRequired)]
    [InlineData("   ", ItemProblems.TitleRequired)]
    public void Create_NoTitle_Refused(string title, string code) => Fails(Create(Content(title)), code);

    [Fact]
    public void Create_LongTexts_Refused()
    {
        Ok(Create(Content(new string('标', DisclosureItem.MaxTitleLength))));
        Fails(Create(Content(new string('标', DisclosureItem.MaxTitleLength + 1))), ItemProblems.TitleTooLong);
        Fails(Create(Content() with { DocumentNumber = new string('号', DisclosureItem.MaxDocumentNumberLength + 1) }), ItemProblems.DocumentNumberTooLong);
        Fails(Create(Content() with { Body = new string('文', DisclosureItem.MaxBodyLength + 1) }), ItemProblems.BodyTooLong);
        Fails(Create(Content() with { ProposalNumber = new string('号', DisclosureItem.MaxProposalNumberLength + 1) }), ItemProblems.ProposalNumberTooLong);
    }

    [Fact]
    public void Create_ClassificationOfAnotherAgency_OtherAgency()
    {
        var other = Guid.NewGuid();

        Fails(Create(Content() with { Category = Ok(Category.Create(other, "业务动态")) }), ItemProblems.OtherAgency);
        Fails(Create(Content() with { Topics = [Ok(Topic.Create(other, "扶贫协作"))] }), ItemProblems.OtherAgency);
        Fails(Create(Content() with { Division = Ok(Division.Create(other, "综合科")) }), ItemProblems.OtherAgency);
    }

    [Fact]
    public void Create_NoCategory_CategoryRequired() =>
        Fails(Create(Content() with { Category = null! }), ItemProblems.CategoryRequired);

    [Fact]
    public void Create_FullTextWithoutBodyOrAttachment_FullTextMissing()
    {
        Fails(Create(Content() with { Body = "" }), ItemProblems.FullTextMissing);
        Ok(Create(Content() with { Body = "", Attachments = [Pdf()] }));
        Ok(Create(Content() with { Body = "", FullTextElectronic = false }));
    }

    [Fact]
    public void Create_TwoAttachmentsWithOneName_AttachmentDuplicate() =>
        Fails(Create(Content() with { Attachments = [Pdf(), Pdf()] }), ItemProblems.AttachmentDuplicate);

    [Theory]
    [InlineData("规章")]
    [InlineData("规范性文件")]
    public void Create_RepealedNormativeDocument_Accepted(string category) =>
        Assert.Equal(Day.AddDays(30), Ok(Create(Content(category: category) with { RepealedOn = Day.AddDays(30) })).RepealedOn);

    [Fact]
    public void Create_RepealedOnOtherCategory_RepealNotApplicable() =>
        Fails(Create(Content() with { RepealedOn = Day.AddDays(30) }), ItemProblems.RepealNotApplicable);

    [Fact]
    public void Create_RepealedBeforeFormed_Refused() =>
        Fails(Create(Content(category: "规章") with { RepealedOn = Day.AddDays(-1) }), ItemProblems.RepealedBeforeFormed);

    [Fact]
    public void Create_EmptyIds_IdRequired() =>
        Fails(DisclosureItem.Create(new CreateItem(Author, Day, At(Day), Guid.Empty, AgencyId, Content())), ItemProblems.IdRequired);

    [Fact]
    public void Revise_InvalidContent_RefusedAndNothingChanges()
    {
        var item = Draft();
        var before = Snapshot(item);

        Fails(item.Apply(new ReviseItem(Author, Day, At(Day), Content(""))), ItemProblems.TitleRequired);

        Assert.Equal(before, Snapshot(item));
    }

    [Fact]
    public void ContentHash_SameContent_SameHash_AnyChange_DifferentHash()
    {
        var a = Draft();
        var b = Draft();
        Assert.Matches("^[0-9a-f]{64}$", a.ComputeContentHash());
        Assert.Equal(a.ComputeContentHash(), b.ComputeContentHash());

        var changes = new ItemContent[]
        {
            Content() with { Body = Content().Body + "。" },
            Content("另一标题"),
            Content(formedOn: Day.AddDays(1)),
            Content() with { FullTextElectronic = false },
            Content() with { DocumentNumber = "东外联发〔2020〕1号" },
            Content() with { Attachments = [Pdf()] },
            Content(category: "规划计划"),
            Content() with { Topics = [Ok(Topic.Create(AgencyId, "扶贫协作"))] },
        };
        foreach (var change in changes)
        {
            var c = Draft();
            Ok(c.Apply(new ReviseItem(Author, Day, At(Day), change)));
            Assert.NotEqual(a.ComputeContentHash(), c.ComputeContentHash());
        }
    }

    [Fact]
    public void AttachmentCreate_Valid_Normalised()
    {
        var a = Ok(Attachment.Create(" 预算.PDF ", Hash.ToUpperInvariant(), 0, " Application/PDF "));

        Assert.Equal(("预算.PDF", Hash, 0L, "application/pdf"), (a.FileName, a.Sha256, a.Size, a.MediaType));
    }

    /// <summary>Issue 16 (6): U+202E made “报告\u202Efdp.exe” show as “报告exe.pdf” on the public pages.</summary>
    [Theory]
    [InlineData("报告\u202Efdp.exe", "报告fdp.exe")]
    [InlineData("\u2067预算\u2069.pdf", "预算.pdf")]
    [InlineData("a\u200E\u200F\u061C\u202A\u202B\u202C\u202D\u2066\u2068b.pdf", "ab.pdf")]
    public void AttachmentCreate_BidiControls_Removed(string name, string shown) =>
        Assert.Equal(shown, Ok(Attachment.Create(name, Hash, 1, "application/pdf")).FileName);

    [Theory]
    [InlineData("", Hash, 1, "application/pdf", "attachment.fileName")]
    [InlineData("dir/a.pdf", Hash, 1, "application/pdf", "attachment.fileName")]
    [InlineData("a\\b.pdf", Hash, 1, "application/pdf", "attachment.fileName")]
    [InlineData("a.pdf", "abc", 1, "application/pdf", "attachment.sha256")]
    [InlineData("a.pdf", "zz86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 1, "application/pdf", "attachment.sha256")]
    [InlineData("a.pdf", Hash, -1, "application/pdf", "attachment.size")]
    [InlineData("a.pdf", Hash, 1, "pdf", "attachment.mediaType")]
    [InlineData("a.pdf", Hash, 1, "application/", "attachment.mediaType")]
    [InlineData("a.pdf", Hash, 1, "application/ pdf", "attachment.mediaType")]
    public void AttachmentCreate_Invalid_Refused(string name, string hash, long size, string type, string code) =>
        Fails(Attachment.Create(name, hash, size, type), code);
}
