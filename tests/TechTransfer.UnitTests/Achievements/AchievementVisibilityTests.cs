using TechTransfer.Achievements.Domain;
using TechTransfer.SharedKernel;
using static TechTransfer.UnitTests.Achievements.AchievementTestData;

namespace TechTransfer.UnitTests.Achievements;

/// <summary>R5.1: confidential fields visible only to the owning organisation and people it names; attachments checked.</summary>
public sealed class AchievementVisibilityTests
{
    private readonly DateTimeOffset _now = Clock().GetUtcNow();

    [Fact]
    public void Registered_public_achievement_is_visible_to_anyone_but_its_confidential_fields_are_not_R5_1()
    {
        var a = Registered(_now);
        Assert.True(a.CanBeSeenBy(Caller.Anonymous));
        Assert.True(a.CanBeSeenBy(People.OtherOffice));
        Assert.False(a.CanSeeConfidentialFields(People.OtherOffice));
        Assert.False(a.CanSeeConfidentialFields(Caller.Anonymous));
        Assert.True(a.CanSeeConfidentialFields(People.Office));
    }

    [Fact]
    public void Confidential_achievement_is_hidden_from_other_organisations_R5_1()
    {
        var a = Registered(_now, Input(confidential: true));
        Assert.False(a.CanBeSeenBy(People.OtherOffice));
        Assert.False(a.CanBeSeenBy(Caller.Anonymous));
        Assert.False(a.IsPublic);
        Assert.True(a.CanBeSeenBy(People.Office));
    }

    [Fact]
    public void A_person_named_by_the_owner_sees_the_confidential_fields_R5_1()
    {
        var a = Registered(_now, Input(confidential: true));
        Assert.True(a.SetConfidentiality(true, a.ConfidentialDetails, [People.SjtuResearcher], People.Office, _now).IsSuccess);
        var named = People.OtherResearcher;
        Assert.True(a.CanBeSeenBy(named));
        Assert.True(a.CanSeeConfidentialFields(named));
        Assert.False(a.CanSeeConfidentialFields(People.OtherOffice));
    }

    [Fact]
    public void Another_organisation_cannot_change_who_sees_confidential_fields_R5_1()
    {
        var a = Registered(_now, Input(confidential: true));
        var result = a.SetConfidentiality(false, null, [People.SjtuOfficer], People.OtherOffice, _now);
        Assert.Equal(404, result.Error?.Status);
        Assert.True(a.IsConfidential);
        Assert.Empty(a.NamedViewerUserIds);
    }

    [Fact]
    public void Draft_is_visible_only_to_its_author_R5_1()
    {
        var a = NewDraft(_now);
        Assert.True(a.CanBeSeenBy(People.Researcher));
        Assert.False(a.CanBeSeenBy(People.Office));
        Assert.False(a.CanBeSeenBy(Caller.Anonymous));
    }
}

public sealed class AttachmentRulesTests
{
    private static readonly AttachmentOptions Options = new() { MaxBytes = 1024 * 1024 };

    [Fact]
    public void Pdf_with_pdf_header_is_accepted_R5_1()
    {
        var result = AttachmentRules.Check("说明书.pdf", 2048, "%PDF-1.7\n"u8, Options);
        Assert.Equal("application/pdf", result.Value);
    }

    [Fact]
    public void Attachment_above_the_size_limit_is_rejected_R5_1()
    {
        var result = AttachmentRules.Check("big.pdf", Options.MaxBytes + 1, "%PDF-1.7\n"u8, Options);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "achievement.attachment_too_large");
    }

    [Fact]
    public void Executable_extension_is_rejected_R5_1()
    {
        var result = AttachmentRules.Check("setup.exe", 100, "MZ\x90\0"u8, Options);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "achievement.attachment_type_not_allowed");
    }

    [Fact]
    public void Executable_renamed_to_pdf_is_rejected_R5_1()
    {
        var result = AttachmentRules.Check("report.pdf", 100, "MZ\x90\0\x03\0\0\0"u8, Options);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "achievement.attachment_content_mismatch");
    }

    [Fact]
    public void Png_named_as_docx_is_rejected_R5_1()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        var result = AttachmentRules.Check("a.docx", 100, png, Options);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "achievement.attachment_content_mismatch");
    }

    [Fact]
    public void Empty_file_is_rejected_R5_1()
    {
        var result = AttachmentRules.Check("a.txt", 0, ReadOnlySpan<byte>.Empty, Options);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "achievement.attachment_empty");
    }

    [Fact]
    public void Attachments_beyond_the_configured_count_are_refused_R5_1()
    {
        var now = Clock().GetUtcNow();
        var a = NewDraft(now);
        var options = new AttachmentOptions { MaxPerAchievement = 1 };
        AchievementAttachment Make() => new(Guid.NewGuid(), "a.pdf", "application/pdf", 10, "x", "p", false, People.ZhangWei, now);
        Assert.True(a.AddAttachment(Make(), People.Researcher, options, now).IsSuccess);
        var result = a.AddAttachment(Make(), People.Researcher, options, now);
        Assert.Contains(result.Error!.FieldErrors, f => f.Code == "achievement.too_many_attachments");
        Assert.Single(a.Attachments);
    }
}
