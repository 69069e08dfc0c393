using TechTransfer.Contracts.Domain;
using static TechTransfer.UnitTests.Contracts.ContractTestData;

namespace TechTransfer.UnitTests.Contracts;

public sealed class ContractSubmitTests
{
    [Fact]
    public void Seller_submits_a_draft()
    {
        var c = Draft();
        Assert.True(c.Submit(Orgs.Fudan, null, At(2026, 3, 2), Catalog).IsSuccess);
        Assert.Equal(RegistrationStatus.Submitted, c.Status);
        Assert.Null(c.ProcedureRuleSetId); // chosen on acceptance (R0.2)
    }

    [Fact]
    public void Buyer_may_not_submit()
    {
        var c = Draft();
        var r = c.Submit(Orgs.EnterpriseB, null, At(2026, 3, 2), Catalog);
        Assert.Equal(ContractErrors.OnlySellerSideSubmits.Code, r.Error?.Code);
        Assert.Equal(403, r.Error?.Status);
        Assert.Equal("R2.8", r.Error!.Rule);
        Assert.Equal(RegistrationStatus.Draft, c.Status);
    }

    [Fact]
    public void Technology_import_is_submitted_by_the_domestic_buyer()
    {
        var d = Details() with { Parties = [new PartyInput(PartyRole.Seller, "Acme GmbH", null, "300", "DEU", null, Orgs.ForeignCo), Buyer()] };
        var c = Draft(d);
        Assert.True(c.IsTechnologyImport);
        Assert.Equal(ContractErrors.ImportSubmittedByDomesticBuyer.Code, c.Submit(Orgs.ForeignCo, null, At(2026, 3, 2), Catalog).Error?.Code);
        Assert.Equal(RegistrationStatus.Draft, c.Status);
        Assert.True(c.Submit(Orgs.EnterpriseB, null, At(2026, 3, 2), Catalog).IsSuccess);
    }

    [Fact]
    public void Submission_before_the_contract_takes_effect_is_refused()
    {
        var c = Draft();
        var r = c.Submit(Orgs.Fudan, null, At(2026, 2, 19), Catalog);
        Assert.Equal(ContractErrors.OutsideSubmissionWindow.Code, r.Error?.Code);
        Assert.Equal("R2.9", r.Error!.Rule);
        Assert.Equal(RegistrationStatus.Draft, c.Status);
    }

    [Fact]
    public void Submission_after_the_term_has_ended_is_refused()
    {
        var c = Draft();
        Assert.Equal(ContractErrors.OutsideSubmissionWindow.Code, c.Submit(Orgs.Fudan, null, At(2027, 2, 20), Catalog).Error?.Code);
    }

    [Fact]
    public void Submission_on_the_last_day_of_the_term_is_allowed()
    {
        Assert.True(Draft().Submit(Orgs.Fudan, null, At(2027, 2, 19), Catalog).IsSuccess);
    }

    [Fact]
    public void Submission_without_the_contract_text_is_refused()
    {
        var c = TechnologyContract.Draft(Details(), Orgs.Fudan, null, At(2026, 3, 2), Catalog).Value;
        Assert.Equal(ContractErrors.ContractTextMissing.Code, c.Submit(Orgs.Fudan, null, At(2026, 3, 2), Catalog).Error?.Code);
        Assert.Equal(RegistrationStatus.Draft, c.Status);
    }

    [Fact]
    public void Foreign_language_contract_needs_a_chinese_translation_and_undertaking()
    {
        var c = Draft(Details() with { IsForeignLanguage = true });
        Assert.Equal(ContractErrors.ChineseTranslationMissing.Code, c.Submit(Orgs.Fudan, null, At(2026, 3, 2), Catalog).Error?.Code);
        c.AddAttachment(new AttachmentInfo(AttachmentKind.ChineseTranslation, "zh.pdf", "application/pdf", 1, null, At(2026, 3, 2)), At(2026, 3, 2));
        c.AddAttachment(new AttachmentInfo(AttachmentKind.ConsistencyUndertaking, "u.pdf", "application/pdf", 1, null, At(2026, 3, 2)), At(2026, 3, 2));
        Assert.True(c.Submit(Orgs.Fudan, null, At(2026, 3, 2), Catalog).IsSuccess);
    }

    [Fact]
    public void Contract_signed_by_an_internal_unit_needs_an_authorisation_letter()
    {
        var c = Draft(Details() with { SignedByInternalUnit = true });
        Assert.Equal(ContractErrors.AuthorisationLetterMissing.Code, c.Submit(Orgs.Fudan, null, At(2026, 3, 2), Catalog).Error?.Code);
    }

    [Fact]
    public void Submitting_twice_is_refused()
    {
        var c = Submitted();
        Assert.Equal("contract.wrong_status", c.Submit(Orgs.Fudan, null, At(2026, 3, 2), Catalog).Error?.Code);
    }

    [Fact]
    public void Contract_at_or_above_the_threshold_is_large()
    {
        Assert.True(Submitted(Details(5_000_000m)).IsLargeContract);
        Assert.False(Submitted(Details(4_999_999.99m)).IsLargeContract);
    }

    [Fact]
    public void Draft_can_be_edited_but_a_submitted_contract_cannot()
    {
        var c = Draft();
        Assert.True(c.UpdateDetails(Details(2_000_000m), At(2026, 3, 2), Catalog).IsSuccess);
        Assert.Equal(2_000_000m, c.TotalAmount);
        Assert.True(c.Submit(Orgs.Fudan, null, At(2026, 3, 2), Catalog).IsSuccess);
        Assert.Equal(ContractErrors.NotEditable.Code, c.UpdateDetails(Details(3_000_000m), At(2026, 3, 2), Catalog).Error?.Code);
        Assert.Equal(2_000_000m, c.TotalAmount);
    }
}

public sealed class ContractAcceptanceAndSlaTests
{
    [Fact]
    public void Accepting_starts_the_clock_with_15_working_days()
    {
        var c = Submitted(now: At(2026, 3, 2));
        Assert.True(c.Accept(Orgs.Registry, null, At(2026, 3, 2), Catalog, Calendar).IsSuccess);
        Assert.Equal(RegistrationStatus.Accepted, c.Status);
        Assert.Equal(new DateOnly(2026, 3, 2), c.ClockStartDate);
        Assert.Equal(15, c.SlaDays);
        Assert.Equal(new DateOnly(2026, 3, 23), c.DueDate);
    }

    [Fact]
    public void Accepting_a_draft_is_refused()
    {
        var c = Draft();
        Assert.Equal("contract.wrong_status", c.Accept(Orgs.Registry, null, At(2026, 3, 2), Catalog, Calendar).Error?.Code);
        Assert.Null(c.DueDate);
    }

    [Fact]
    public void Large_contract_gets_30_working_days()
    {
        var c = Accepted(Details(6_000_000m));
        Assert.Equal(30, c.SlaDays);
        Assert.Equal(Calendar.AddWorkingDays(new DateOnly(2026, 3, 2), 30), c.DueDate);
    }

    [Fact]
    public void Marking_an_accepted_contract_disputed_lengthens_its_sla()
    {
        var c = Accepted();
        Assert.True(c.MarkDisputed("买方对技术交易额有异议", null, At(2026, 3, 3), Catalog, Calendar).IsSuccess);
        Assert.Equal(30, c.SlaDays);
        Assert.True(c.IsDisputed);
    }

    [Fact]
    public void Overdue_contract_is_flagged_but_never_approved_automatically()
    {
        var c = Accepted();
        Assert.False(c.IsOverdue(new DateOnly(2026, 3, 23)));
        Assert.True(c.IsOverdue(new DateOnly(2026, 3, 24)));
        Assert.Equal(RegistrationStatus.Accepted, c.Status);
        Assert.Null(c.RegistrationNo);
    }

    [Fact]
    public void Requesting_supplements_stops_the_clock()
    {
        var c = Accepted();
        Assert.True(c.RequestSupplement("请补充技术性收入核定表", null, At(2026, 3, 5)).IsSuccess);
        Assert.Equal(RegistrationStatus.SupplementRequested, c.Status);
        Assert.Null(c.DueDate);
        Assert.False(c.IsOverdue(new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void Supplement_request_without_items_is_refused()
    {
        var c = Accepted();
        Assert.Equal(ContractErrors.SupplementItemsRequired.Code, c.RequestSupplement(" ", null, At(2026, 3, 5)).Error?.Code);
        Assert.Equal(RegistrationStatus.Accepted, c.Status);
    }

    [Fact]
    public void Resubmission_restarts_the_clock_on_the_resubmission_day()
    {
        var c = Accepted();
        c.RequestSupplement("补充授权书", null, At(2026, 3, 5));
        Assert.True(c.Resubmit(Orgs.Fudan, null, At(2026, 3, 16), Catalog, Calendar).IsSuccess);
        Assert.Equal(RegistrationStatus.Accepted, c.Status);
        Assert.Equal(new DateOnly(2026, 3, 16), c.ClockStartDate);
        Assert.Equal(Calendar.AddWorkingDays(new DateOnly(2026, 3, 16), 15), c.DueDate);
    }

    [Fact]
    public void Seller_may_edit_while_supplements_are_requested()
    {
        var c = Accepted();
        c.RequestSupplement("金额有误", null, At(2026, 3, 5));
        Assert.True(c.UpdateDetails(Details(900_000m), At(2026, 3, 6), Catalog).IsSuccess);
        Assert.Equal(900_000m, c.DeclaredTechTransactionAmount);
    }

    [Fact]
    public void Buyer_may_not_resubmit()
    {
        var c = Accepted();
        c.RequestSupplement("补充授权书", null, At(2026, 3, 5));
        Assert.Equal(ContractErrors.OnlySellerSideSubmits.Code, c.Resubmit(Orgs.EnterpriseB, null, At(2026, 3, 16), Catalog, Calendar).Error?.Code);
        Assert.Equal(RegistrationStatus.SupplementRequested, c.Status);
    }
}

public sealed class ContractRegisterTests
{
    [Fact]
    public void Registering_issues_a_16_digit_number_from_the_per_year_serial()
    {
        var issuer = new FakeIssuer();
        var a = Registered(issuer: issuer);
        var b = Registered(issuer: issuer);
        Assert.Equal("2026310000000001", a.RegistrationNo);
        Assert.Equal("2026310000000002", b.RegistrationNo);
        Assert.Equal(RegistrationStatus.Registered, a.Status);
        Assert.NotNull(a.CertificateIssuedAt);
        Assert.Null(a.DueDate);
    }

    [Fact]
    public void Registrability_is_checked_without_changing_the_contract()
    {
        var c = Accepted(Details(6_000_000m));
        Assert.Equal(ContractErrors.ExpertReviewRequired.Code, c.CanRegister(6_000_000m, Catalog).Error?.Code);
        Assert.Equal(RegistrationStatus.Accepted, c.Status);
        Assert.Null(c.RegistrationNo);
    }

    [Fact]
    public void An_assessed_amount_above_the_registerable_amount_is_not_registrable()
    {
        var c = Accepted();
        Assert.Equal(ContractErrors.AssessedAmountOutOfRange.Code, c.CanRegister(c.RegisterableAmount + 1m, Catalog).Error?.Code);
        Assert.True(c.CanRegister(c.RegisterableAmount, Catalog).IsSuccess);
    }

    [Fact]
    public void A_draft_is_not_registrable()
    {
        Assert.Equal(ContractErrors.WrongStatus(RegistrationStatus.Draft, "登记").Code, Draft().CanRegister(0m, Catalog).Error?.Code);
    }

    [Fact]
    public void Large_contract_cannot_be_registered_without_expert_review()
    {
        var c = Accepted(Details(6_000_000m));
        var r = c.Register(6_000_000m, ShanghaiOffice, new FakeIssuer(), null, At(2026, 3, 4), Catalog);
        Assert.Equal(ContractErrors.ExpertReviewRequired.Code, r.Error?.Code);
        Assert.Equal(RegistrationStatus.Accepted, c.Status);
        Assert.Null(c.RegistrationNo);
    }

    [Fact]
    public void Large_contract_is_registered_after_expert_review()
    {
        var c = Accepted(Details(6_000_000m));
        Assert.True(c.SendToExpertReview("专家组 3 人", null, At(2026, 3, 3)).IsSuccess);
        Assert.Equal(RegistrationStatus.ExpertReview, c.Status);
        Assert.True(c.Register(5_800_000m, ShanghaiOffice, new FakeIssuer(), null, At(2026, 3, 10), Catalog).IsSuccess);
        Assert.Equal(RegistrationStatus.Registered, c.Status);
    }

    [Fact]
    public void Small_undisputed_contract_is_not_sent_to_expert_review()
    {
        var c = Accepted();
        Assert.Equal(ContractErrors.ExpertReviewNotApplicable.Code, c.SendToExpertReview(null, null, At(2026, 3, 3)).Error?.Code);
        Assert.Equal(RegistrationStatus.Accepted, c.Status);
    }

    [Fact]
    public void Disputed_contract_goes_to_expert_review()
    {
        var c = Accepted();
        c.MarkDisputed("当事方争议", null, At(2026, 3, 3), Catalog, Calendar);
        Assert.True(c.SendToExpertReview(null, null, At(2026, 3, 3)).IsSuccess);
    }

    [Fact]
    public void Submitted_but_not_accepted_contract_cannot_be_registered()
    {
        var c = Submitted();
        Assert.Equal("contract.wrong_status", c.Register(1m, ShanghaiOffice, new FakeIssuer(), null, At(2026, 3, 4), Catalog).Error?.Code);
    }

    [Fact]
    public void Rejection_records_the_reason()
    {
        var c = Accepted();
        Assert.True(c.Reject(RejectionReason.NotTechnologyContract, null, null, At(2026, 3, 4)).IsSuccess);
        Assert.Equal(RegistrationStatus.Rejected, c.Status);
        Assert.Equal(RejectionReason.NotTechnologyContract, c.RejectionReason);
        Assert.Null(c.DueDate);
    }

    [Fact]
    public void Rejection_for_other_needs_text()
    {
        var c = Accepted();
        Assert.Equal(ContractErrors.RejectionTextRequired.Code, c.Reject(RejectionReason.Other, "", null, At(2026, 3, 4)).Error?.Code);
        Assert.Equal(RegistrationStatus.Accepted, c.Status);
        Assert.True(c.Reject(RejectionReason.Other, "合同主体已注销", null, At(2026, 3, 4)).IsSuccess);
    }

    [Fact]
    public void Registered_contract_cannot_be_rejected()
    {
        var c = Registered();
        Assert.Equal("contract.wrong_status", c.Reject(RejectionReason.SealMismatch, null, null, At(2026, 3, 5)).Error?.Code);
        Assert.Equal(RegistrationStatus.Registered, c.Status);
    }

    [Fact]
    public void Every_transition_is_kept_in_the_status_history()
    {
        var c = Registered();
        Assert.Equal(["draft", "submit", "accept", "register"], c.StatusHistory.Select(h => h.Action).ToArray());
    }
}

public sealed class ContractAfterRegistrationTests
{
    [Fact]
    public void Change_registration_updates_the_amount()
    {
        var c = Registered();
        Assert.True(c.ChangeRegistration(new ContractChange("双方补充协议增加金额", TotalAmount: 1_200_000m, AssessedTechTransactionAmount: 1_200_000m),
            null, At(2026, 5, 1), Catalog).IsSuccess);
        Assert.Equal(RegistrationStatus.ChangeRegistered, c.Status);
        Assert.Equal(1_200_000m, c.TotalAmount);
        Assert.Equal(1_200_000m, c.AssessedTechTransactionAmount);
        Assert.NotNull(c.RegistrationNo);
    }

    [Fact]
    public void Change_registration_of_an_unregistered_contract_is_refused()
    {
        var c = Accepted();
        Assert.Equal("contract.wrong_status", c.ChangeRegistration(new ContractChange("x", TotalAmount: 1m), null, At(2026, 5, 1), Catalog).Error?.Code);
    }

    [Fact]
    public void Change_registration_without_changes_is_refused()
    {
        var c = Registered();
        Assert.Equal(ContractErrors.NoChanges.Code, c.ChangeRegistration(new ContractChange("无"), null, At(2026, 5, 1), Catalog).Error?.Code);
        Assert.Equal(RegistrationStatus.Registered, c.Status);
    }

    [Fact]
    public void Change_after_benefits_were_used_creates_a_tax_and_finance_notification()
    {
        var c = Registered();
        Assert.True(c.RecordBenefitUse(BenefitKind.TaxReliefCertificate, null, At(2026, 4, 1)).IsSuccess);
        c.ChangeRegistration(new ContractChange("终止部分履行", TotalAmount: 800_000m), null, At(2026, 5, 1), Catalog);
        var task = Assert.Single(c.NotificationTasks);
        Assert.Equal(TechnologyContract.NotificationKindTaxFinance, task.Kind);
        Assert.Equal(800_000m, c.AssessedTechTransactionAmount);
    }

    [Fact]
    public void Change_without_benefits_used_creates_no_notification()
    {
        var c = Registered();
        c.ChangeRegistration(new ContractChange("更正", TotalAmount: 800_000m), null, At(2026, 5, 1), Catalog);
        Assert.Empty(c.NotificationTasks);
    }

    [Fact]
    public void Cancellation_needs_a_reason_and_notifies_when_benefits_were_used()
    {
        var c = Registered();
        c.RecordBenefitUse(BenefitKind.RewardPayout, null, At(2026, 4, 1));
        Assert.Equal(ContractErrors.ReasonTextRequired.Code, c.Cancel(" ", null, At(2026, 5, 1)).Error?.Code);
        Assert.Equal(RegistrationStatus.Registered, c.Status);
        Assert.True(c.Cancel("合同已解除", null, At(2026, 5, 1)).IsSuccess);
        Assert.Equal(RegistrationStatus.Cancelled, c.Status);
        Assert.Single(c.NotificationTasks);
        Assert.False(c.IsEffectivelyRegistered);
    }

    [Fact]
    public void Revocation_records_the_reason()
    {
        var c = Registered();
        Assert.True(c.Revoke(RevocationReason.FalseContractOrFraud, null, null, At(2026, 5, 1)).IsSuccess);
        Assert.Equal(RegistrationStatus.Revoked, c.Status);
        Assert.Equal(RevocationReason.FalseContractOrFraud, c.RevocationReason);
    }

    [Fact]
    public void Revocation_for_other_needs_text()
    {
        var c = Registered();
        Assert.Equal(ContractErrors.RevocationTextRequired.Code, c.Revoke(RevocationReason.Other, null, null, At(2026, 5, 1)).Error?.Code);
        Assert.Equal(RegistrationStatus.Registered, c.Status);
    }

    [Fact]
    public void Rejected_contract_cannot_be_revoked()
    {
        var c = Accepted();
        c.Reject(RejectionReason.PartiesUnclear, null, null, At(2026, 3, 4));
        Assert.Equal("contract.wrong_status", c.Revoke(RevocationReason.DuplicateRegistration, null, null, At(2026, 5, 1)).Error?.Code);
    }

    [Fact]
    public void Party_files_an_objection_to_a_registration_and_the_registrar_resolves_it()
    {
        var c = Registered();
        Assert.True(c.FileObjection(Orgs.EnterpriseB, "技术交易额核定有误", null, At(2026, 4, 1)).IsSuccess);
        Assert.Equal(RegistrationStatus.ObjectionFiled, c.Status);
        Assert.Equal("contract.wrong_status", c.Revoke(RevocationReason.Other, "x", null, At(2026, 4, 2)).Error?.Code);
        Assert.True(c.ResolveObjection(ObjectionOutcome.Upheld, "核定金额更正", null, At(2026, 4, 10)).IsSuccess);
        Assert.Equal(RegistrationStatus.ObjectionResolved, c.Status);
        Assert.Equal(RegistrationStatus.Registered, c.StatusBeforeObjection);
        Assert.True(c.ChangeRegistration(new ContractChange("异议成立", AssessedTechTransactionAmount: 900_000m), null, At(2026, 4, 11), Catalog).IsSuccess);
    }

    [Fact]
    public void Objection_to_a_rejection_is_allowed()
    {
        var c = Accepted();
        c.Reject(RejectionReason.SubjectUnclear, null, null, At(2026, 3, 4));
        Assert.True(c.FileObjection(Orgs.Fudan, "标的已明确", null, At(2026, 3, 10)).IsSuccess);
        Assert.Equal(RegistrationStatus.Rejected, c.StatusBeforeObjection);
    }

    [Fact]
    public void Outsider_cannot_file_an_objection()
    {
        var c = Registered();
        Assert.Equal(ContractErrors.ObjectionOnlyByParty.Code, c.FileObjection(Orgs.Outsider, "异议", null, At(2026, 4, 1)).Error?.Code);
        Assert.Equal(RegistrationStatus.Registered, c.Status);
    }

    [Fact]
    public void Objection_to_a_draft_is_refused()
    {
        Assert.Equal("contract.wrong_status", Draft().FileObjection(Orgs.Fudan, "x", null, At(2026, 4, 1)).Error?.Code);
    }
}

public sealed class ContractCorrectionAndBenefitTests
{
    [Fact]
    public void Pending_correction_blocks_reward_payout_and_tax_relief_certificate()
    {
        var c = Registered();
        Assert.True(c.FileCorrection(Orgs.Fudan, 700_000m, "履行中金额减少", null, At(2026, 4, 1)).IsSuccess);
        Assert.Equal(ContractErrors.CorrectionPending.Code, c.RecordBenefitUse(BenefitKind.RewardPayout, null, At(2026, 4, 2)).Error?.Code);
        Assert.Equal(ContractErrors.CorrectionPending.Code, c.CheckBenefitRelease(BenefitKind.TaxReliefCertificate).Error?.Code);
        Assert.Equal("R2.3", ContractErrors.CorrectionPending.Rule);
        Assert.Empty(c.BenefitUses);
    }

    [Fact]
    public void Registering_the_correction_releases_the_benefits()
    {
        var c = Registered();
        c.FileCorrection(Orgs.Fudan, 700_000m, "履行中金额减少", null, At(2026, 4, 1));
        Assert.True(c.ChangeRegistration(new ContractChange("补正", TotalAmount: 700_000m), null, At(2026, 4, 5), Catalog).IsSuccess);
        Assert.False(c.CorrectionPending);
        Assert.True(c.RecordBenefitUse(BenefitKind.RewardPayout, null, At(2026, 4, 6)).IsSuccess);
    }

    [Fact]
    public void Benefits_need_a_registered_contract()
    {
        Assert.Equal(ContractErrors.NotRegistered.Code, Accepted().CheckBenefitRelease(BenefitKind.RewardPayout).Error?.Code);
    }

    [Fact]
    public void Only_the_registrant_side_files_a_correction()
    {
        var c = Registered();
        Assert.Equal(ContractErrors.OnlySellerSideSubmits.Code, c.FileCorrection(Orgs.EnterpriseB, 1m, "x", null, At(2026, 4, 1)).Error?.Code);
        Assert.False(c.CorrectionPending);
    }
}

public sealed class DuplicateDetectionTests
{
    [Fact]
    public void Same_parties_date_amount_and_subject_is_a_possible_duplicate()
    {
        var first = Submitted();
        var second = Draft(Details() with { ProjectName = "基于深度学习的锂电池缺陷检测方法开发 " });
        var dups = DuplicateDetection.FindDuplicates(second, [first]);
        Assert.Equal([first.Id], dups);
        second.MarkPossibleDuplicate(dups[0], At(2026, 3, 3));
        Assert.True(second.PossibleDuplicate);
        Assert.Equal(first.Id, second.DuplicateOfContractId);
    }

    [Fact]
    public void Different_amount_is_not_a_duplicate()
    {
        var first = Submitted();
        Assert.Empty(DuplicateDetection.FindDuplicates(Draft(Details(999_999m)), [first]));
    }

    [Fact]
    public void Rejected_contract_does_not_count_as_an_existing_registration()
    {
        var first = Accepted();
        first.Reject(RejectionReason.PartiesUnclear, null, null, At(2026, 3, 4));
        Assert.Empty(DuplicateDetection.FindDuplicates(Draft(), [first]));
    }

    [Fact]
    public void Registrar_clears_a_duplicate_flag()
    {
        var c = Draft();
        c.MarkPossibleDuplicate(Guid.NewGuid(), At(2026, 3, 3));
        c.ClearDuplicateFlag(null, At(2026, 3, 4));
        Assert.False(c.PossibleDuplicate);
        Assert.Null(c.DuplicateOfContractId);
    }
}
