using TechTransfer.Patents.Domain;
using TechTransfer.UnitTests.Patents;

namespace TechTransfer.UnitTests.Licensing;

/// <summary>Spec §3.3–§3.4: state machine, grants, withdrawal, filing and disputes.</summary>
public sealed class OpenLicenseLifecycleTests
{
    private static readonly OpenLicensingOptions Options = Declarations.Options;
    private static readonly DateTimeOffset April = Declarations.At(2026, 4, 15);

    [Fact]
    public void Declaration_moves_draft_submitted_active_withdrawal_withdrawn()
    {
        var (_, d) = Declarations.Active();
        Assert.Equal(OpenLicenseStatus.Active, d.Status);
        Assert.True(d.RequestWithdrawal(Orgs.Fudan, April).IsSuccess);
        Assert.Equal(OpenLicenseStatus.WithdrawalSubmitted, d.Status);
        Assert.True(d.AnnounceWithdrawal("CN-OL-W-1", new DateOnly(2026, 5, 1)).IsSuccess);
        Assert.Equal(OpenLicenseStatus.Withdrawn, d.Status);
        Assert.Equal(new DateOnly(2026, 5, 1), d.WithdrawalAnnouncementDate);
    }

    [Fact]
    public void Draft_cannot_be_announced()
    {
        var patent = PatentBuilder.Granted().Build();
        var d = Declarations.DraftFor(patent);
        var result = d.Announce("X", new DateOnly(2026, 3, 10));
        Assert.Equal("open_license.invalid_transition", result.Error?.Code);
        Assert.Equal(OpenLicenseStatus.Draft, d.Status);
    }

    [Fact]
    public void Withdrawn_declaration_cannot_be_withdrawn_again()
    {
        var (_, d) = Declarations.Active();
        d.RequestWithdrawal(Orgs.Fudan, April);
        d.AnnounceWithdrawal("W-1", new DateOnly(2026, 5, 1));
        Assert.Equal("open_license.invalid_transition", d.RequestWithdrawal(Orgs.Fudan, April).Error?.Code);
    }

    [Fact]
    public void Another_organisation_cannot_withdraw()
    {
        var (_, d) = Declarations.Active();
        var result = d.RequestWithdrawal(Orgs.Sjtu, April);
        Assert.Equal(OpenLicenseErrors.NotPatentee.Code, result.Error?.Code);
        Assert.Equal(OpenLicenseStatus.Active, d.Status);
    }

    [Fact]
    public void Active_declaration_lapses_when_the_patent_terminates()
    {
        var (_, d) = Declarations.Active();
        Assert.True(d.Lapse(OpenLicenseLapseReason.PatentTerminated, new DateOnly(2026, 6, 1)).IsSuccess);
        Assert.Equal(OpenLicenseStatus.Lapsed, d.Status);
        Assert.False(d.IsInForce);
    }

    [Fact]
    public void Declaration_is_in_force_until_the_withdrawal_is_announced()
    {
        var (_, d) = Declarations.Active();
        d.RequestWithdrawal(Orgs.Fudan, April);
        Assert.True(d.IsInForce); // R3.10 still applies while the withdrawal is pending
        d.AnnounceWithdrawal("W-1", new DateOnly(2026, 5, 1));
        Assert.False(d.IsInForce);
    }

    [Fact]
    public void Grant_with_written_notice_only_is_not_effective()
    {
        var (_, d) = Declarations.Active();
        var grant = d.TakeLicence(Orgs.EnterpriseB, "乙公司", "通知-001", new DateOnly(2026, 4, 10), April).Value;
        Assert.Equal(OpenLicenseGrantStatus.Pending, grant.Status); // R3.12
        Assert.False(grant.IsValidOn(new DateOnly(2026, 4, 20)));
        Assert.Null(grant.Filing);
    }

    [Fact]
    public void Grant_becomes_effective_when_notice_and_payment_are_both_recorded()
    {
        var (_, d) = Declarations.Active();
        var grant = d.TakeLicence(Orgs.EnterpriseB, "乙公司", "通知-001", new DateOnly(2026, 4, 10), April).Value;
        var result = d.RecordPayment(grant.Id, Orgs.EnterpriseB, 50_000m, "转账-88", new DateOnly(2026, 4, 12), Options, April);
        Assert.True(result.IsSuccess, result.Error?.En);
        Assert.Equal(OpenLicenseGrantStatus.Effective, grant.Status); // R3.12
        Assert.Equal(new DateOnly(2026, 4, 12), grant.EffectiveOn);
        Assert.True(grant.IsValidOn(new DateOnly(2026, 4, 12)));
    }

    [Fact]
    public void Written_notice_is_required()
    {
        var (_, d) = Declarations.Active();
        var result = d.TakeLicence(Orgs.EnterpriseB, "乙公司", " ", new DateOnly(2026, 4, 10), April);
        Assert.Equal("validation.failed", result.Error?.Code);
        Assert.Equal(OpenLicenseErrors.WrittenNoticeRequired.Code, Assert.Single(result.Error!.FieldErrors).Code); // R3.12
        Assert.Equal("R3.12", result.Error.FieldErrors[0].Rule);
        Assert.Empty(d.Grants);
    }

    [Fact]
    public void Payment_below_the_announced_fee_does_not_make_the_grant_effective()
    {
        var (_, d) = Declarations.Active();
        var grant = d.TakeLicence(Orgs.EnterpriseB, "乙公司", "通知-001", new DateOnly(2026, 4, 10), April).Value;
        var result = d.RecordPayment(grant.Id, Orgs.EnterpriseB, 49_999.99m, "转账-88", new DateOnly(2026, 4, 12), Options, April);
        Assert.Equal("open_license.payment_below_terms", result.Error?.Code); // R3.12
        Assert.Equal(OpenLicenseGrantStatus.Pending, grant.Status);
    }

    [Fact]
    public void Royalty_mode_needs_the_entry_fee_before_the_grant_is_effective()
    {
        var (_, d) = Declarations.Active(PaymentMode.EntryFeePlusRoyalty);
        Assert.Equal(20_000m, d.RequiredInitialPayment); // R3.12 [INF] initial payment for royalty modes
        var grant = d.TakeLicence(Orgs.EnterpriseB, "乙公司", "通知-001", new DateOnly(2026, 4, 10), April).Value;
        Assert.True(d.RecordPayment(grant.Id, Orgs.EnterpriseB, 5_000m, "转账", new DateOnly(2026, 4, 11), Options, April).IsFailure);
        Assert.True(d.RecordPayment(grant.Id, Orgs.EnterpriseB, 20_000m, "转账", new DateOnly(2026, 4, 11), Options, April).IsSuccess);
    }

    [Fact]
    public void Licence_cannot_be_taken_from_a_declaration_that_is_not_active()
    {
        var patent = PatentBuilder.Granted().Build();
        var d = Declarations.DraftFor(patent);
        d.Submit(patent, Orgs.Fudan, Options, PatentBuilder.Now);
        var result = d.TakeLicence(Orgs.EnterpriseB, "乙公司", "通知", new DateOnly(2026, 3, 5), PatentBuilder.Now.AddDays(5));
        Assert.Equal(OpenLicenseErrors.NotActive.Code, result.Error?.Code);
        Assert.Empty(d.Grants);
    }

    [Fact]
    public void Patentee_cannot_take_its_own_open_licence()
    {
        var (_, d) = Declarations.Active();
        var result = d.TakeLicence(Orgs.Fudan, "复旦大学", "通知", new DateOnly(2026, 4, 10), April);
        Assert.Equal(OpenLicenseErrors.PatenteeCannotTakeOwnLicence.Code, result.Error?.Code);
    }

    [Fact]
    public void Same_enterprise_cannot_take_the_licence_twice()
    {
        var (_, d) = Declarations.Active();
        d.TakeLicence(Orgs.EnterpriseB, "乙公司", "通知-1", new DateOnly(2026, 4, 10), April);
        var result = d.TakeLicence(Orgs.EnterpriseB, "乙公司", "通知-2", new DateOnly(2026, 4, 11), April);
        Assert.Equal(OpenLicenseErrors.AlreadyLicensed.Code, result.Error?.Code);
        Assert.Single(d.Grants);
    }

    [Fact]
    public void Licence_granted_before_withdrawal_stays_valid_after_it()
    {
        var (_, d) = Declarations.Active();
        var grant = d.TakeLicence(Orgs.EnterpriseB, "乙公司", "通知-001", new DateOnly(2026, 4, 10), April).Value;
        d.RecordPayment(grant.Id, Orgs.EnterpriseB, 50_000m, "转账-88", new DateOnly(2026, 4, 12), Options, April);
        d.RequestWithdrawal(Orgs.Fudan, April);
        d.AnnounceWithdrawal("W-1", new DateOnly(2026, 5, 1));
        Assert.Equal(OpenLicenseStatus.Withdrawn, d.Status);
        Assert.True(grant.IsValidOn(new DateOnly(2027, 6, 1))); // R3.11
        Assert.Equal(d.LicenseTermEnd, grant.ValidUntil);
    }

    [Fact]
    public void Pending_grant_cannot_become_effective_after_the_withdrawal_announcement()
    {
        var (_, d) = Declarations.Active();
        var grant = d.TakeLicence(Orgs.EnterpriseB, "乙公司", "通知-001", new DateOnly(2026, 4, 10), April).Value;
        d.RequestWithdrawal(Orgs.Fudan, April);
        d.AnnounceWithdrawal("W-1", new DateOnly(2026, 5, 1));
        var result = d.RecordPayment(grant.Id, Orgs.EnterpriseB, 50_000m, "转账", new DateOnly(2026, 5, 2), Options, Declarations.At(2026, 5, 3));
        Assert.Equal(OpenLicenseErrors.WithdrawnBeforeEffective.Code, result.Error?.Code); // R3.11
        Assert.Equal(OpenLicenseGrantStatus.Pending, grant.Status);
    }

    [Fact]
    public void Payment_dated_before_the_withdrawal_announcement_still_completes_the_grant()
    {
        var (_, d) = Declarations.Active();
        var grant = d.TakeLicence(Orgs.EnterpriseB, "乙公司", "通知-001", new DateOnly(2026, 4, 10), April).Value;
        d.RequestWithdrawal(Orgs.Fudan, April);
        d.AnnounceWithdrawal("W-1", new DateOnly(2026, 5, 1));
        var result = d.RecordPayment(grant.Id, Orgs.EnterpriseB, 50_000m, "转账", new DateOnly(2026, 4, 30), Options, Declarations.At(2026, 5, 3));
        Assert.True(result.IsSuccess); // R3.11: effective before the announcement date
        Assert.True(grant.IsValidOn(new DateOnly(2026, 6, 1)));
    }

    [Fact]
    public void Effective_grant_creates_a_filing_task_due_in_three_months()
    {
        var (_, d) = Declarations.Active();
        var grant = d.TakeLicence(Orgs.EnterpriseB, "乙公司", "通知-001", new DateOnly(2026, 4, 10), April).Value;
        d.RecordPayment(grant.Id, Orgs.EnterpriseB, 50_000m, "转账-88", new DateOnly(2026, 4, 12), Options, April);
        Assert.NotNull(grant.Filing); // R3.13
        Assert.Equal(new DateOnly(2026, 7, 12), grant.Filing!.DueOn);
        Assert.False(grant.Filing.IsOverdue(new DateOnly(2026, 7, 12)));
        Assert.True(grant.Filing.IsOverdue(new DateOnly(2026, 7, 13)));
    }

    [Fact]
    public void Filing_needs_written_proof_and_can_be_done_by_the_licensee()
    {
        var (_, d) = Declarations.Active();
        var grant = d.TakeLicence(Orgs.EnterpriseB, "乙公司", "通知-001", new DateOnly(2026, 4, 10), April).Value;
        d.RecordPayment(grant.Id, Orgs.EnterpriseB, 50_000m, "转账-88", new DateOnly(2026, 4, 12), Options, April);
        Assert.Equal(OpenLicenseErrors.FilingProofRequired.Code,
            Assert.Single(d.RecordFiling(grant.Id, Orgs.EnterpriseB, "", new DateOnly(2026, 4, 14), April).Error!.FieldErrors).Code);
        Assert.Null(grant.Filing!.FiledOn);
        Assert.True(d.RecordFiling(grant.Id, Orgs.EnterpriseB, "备案通知书 2026-001", new DateOnly(2026, 4, 14), April).IsSuccess); // R3.13
        Assert.Equal(FilingParty.Licensee, grant.Filing.FiledBy);
        Assert.False(grant.Filing.IsOverdue(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void Third_party_cannot_file_the_licence()
    {
        var (_, d) = Declarations.Active();
        var grant = d.TakeLicence(Orgs.EnterpriseB, "乙公司", "通知-001", new DateOnly(2026, 4, 10), April).Value;
        d.RecordPayment(grant.Id, Orgs.EnterpriseB, 50_000m, "转账-88", new DateOnly(2026, 4, 12), Options, April);
        Assert.Equal(OpenLicenseErrors.GrantNotFound.Code, d.RecordFiling(grant.Id, Orgs.EnterpriseC, "证明", new DateOnly(2026, 4, 14), April).Error?.Code);
        Assert.Equal(OpenLicenseErrors.GrantNotFound, d.RecordFiling(Guid.NewGuid(), Orgs.EnterpriseC, "证明", new DateOnly(2026, 4, 14), April).Error);
    }

    [Theory]
    [InlineData(DisputeChannel.Negotiation)]
    [InlineData(DisputeChannel.CnipaMediation)]
    [InlineData(DisputeChannel.Court)]
    public void Dispute_is_recorded_with_its_channel(DisputeChannel channel)
    {
        var (_, d) = Declarations.Active();
        var grant = d.TakeLicence(Orgs.EnterpriseB, "乙公司", "通知-001", new DateOnly(2026, 4, 10), April).Value;
        var dispute = d.OpenDispute(grant.Id, Orgs.EnterpriseB, channel, "许可费计算有争议", April).Value; // R3.14
        Assert.Equal(channel, Assert.Single(grant.Disputes).Channel);
        Assert.True(d.ResolveDispute(grant.Id, dispute.Id, Orgs.Fudan, "协商一致", April).IsSuccess);
        Assert.NotNull(dispute.ResolvedAt);
    }

    [Fact]
    public void Dispute_channel_outside_the_law_is_refused()
    {
        var (_, d) = Declarations.Active();
        var grant = d.TakeLicence(Orgs.EnterpriseB, "乙公司", "通知-001", new DateOnly(2026, 4, 10), April).Value;
        var result = d.OpenDispute(grant.Id, Orgs.EnterpriseB, (DisputeChannel)99, "x", April);
        Assert.Equal(OpenLicenseErrors.DisputeChannelInvalid.Code, Assert.Single(result.Error!.FieldErrors).Code); // R3.14
        Assert.Empty(grant.Disputes);
    }
}
