using TechTransfer.Exchange.Domain.Listings;
using TechTransfer.Platform.Calendar;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Achievements;
using TechTransfer.SharedKernel.Patents;
using TechTransfer.SharedKernel.Time;

namespace TechTransfer.UnitTests.Exchange;

public sealed class ListingRulesTests
{
    private static readonly Guid Holder = Guid.NewGuid();
    private static readonly Guid OperatorOrg = Guid.NewGuid();
    private static readonly ICurrentUser HolderUser = Caller.Of(Guid.NewGuid(), Holder, Roles.InstitutionAdmin);
    private static readonly ICurrentUser OperatorUser = Caller.Of(Guid.NewGuid(), OperatorOrg, Roles.TechManager);
    private static readonly ICurrentUser Exchange = Caller.Of(Guid.NewGuid(), Guid.NewGuid(), Roles.ExchangeOperator);
    private static readonly ICurrentUser Buyer = Caller.Of(Guid.NewGuid(), Guid.NewGuid(), Roles.Enterprise);
    private static readonly HolidayCalendar Calendar = HolidayCalendarFile.Prc;
    private static readonly DateOnly Today = new(2026, 3, 2);
    // 10:00 in Shanghai on Monday 2 March 2026.
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private static PatentFacts Patent(Guid? owner = null, bool ended = false, string[]? pledgees = null, bool openLicensed = false) =>
        new(Guid.NewGuid(), owner ?? Holder, "ZL202310000001.1", "一种储能材料", "H01M 10/05", null, new DateOnly(2043, 1, 1),
            InForce: !ended, Ended: ended, ActivePledgees: pledgees ?? [], OpenLicenceInForce: openLicensed);

    private static ListingTerms Terms(IReadOnlyList<Guid> patents, ListingDealType deal = ListingDealType.Transfer,
        PricingMethod method = PricingMethod.ExchangeListing, decimal price = 500_000m, string? consent = null, string[]? completers = null) =>
        new("储能材料专利转让", "高能量密度固态电解质", patents.Count > 1 ? ListingSubjectType.PatentSet : ListingSubjectType.Patent, null,
            patents, deal, method, price, null, "工艺参数", [], completers ?? ["张三"], consent, StateFunded: true);

    private static Result<ListingEligibility.Outcome> Check(Guid caller, ListingTerms t, params PatentFacts[] patents) =>
        ListingEligibility.Check(caller, t, null, patents.ToDictionary(p => p.PatentId), new Dictionary<Guid, IReadOnlyList<CustodyMandateFacts>>(), Today);

    private static Listing Published(PricingMethod method = PricingMethod.NegotiatedWithPublicity)
    {
        var p = Patent();
        var t = Terms([p.PatentId], method: method);
        var l = Listing.Create(Guid.NewGuid(), "GP1", HolderUser, Check(Holder, t, p).Value, t, Now);
        Assert.True(l.Submit(HolderUser, Now).IsSuccess);
        Assert.True(l.Approve(Exchange, "同意", ListingRules.Default, Calendar, Now).IsSuccess);
        return l;
    }

    [Fact]
    public void The_holder_may_list_its_in_force_patent()
    {
        var p = Patent();
        var outcome = Check(Holder, Terms([p.PatentId]), p);
        Assert.True(outcome.IsSuccess);
        Assert.Equal(Holder, outcome.Value.HolderOrganizationId);
        Assert.Null(outcome.Value.CustodyAgreementId);
        Assert.Equal(["H01M"], outcome.Value.IpcCodes.Select(c => c[..4]).Distinct());
    }

    [Fact]
    public void Another_organisation_without_a_mandate_is_refused_403()
    {
        var p = Patent();
        var outcome = Check(Buyer.OrganizationId!.Value, Terms([p.PatentId]), p);
        Assert.Equal("listing.not_rights_holder", outcome.Error!.Code);
        Assert.Equal(403, outcome.Error.Status);
    }

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    public void Ended_pledged_without_consent_and_open_licensed_exclusive_are_refused(bool ended, bool pledged, bool openLicensed)
    {
        var p = Patent(ended: ended, pledgees: pledged ? ["上海银行"] : null, openLicensed: openLicensed);
        var outcome = Check(Holder, Terms([p.PatentId], deal: ListingDealType.ExclusiveLicence), p);
        var code = ended ? "listing.patent_not_in_force" : pledged ? "listing.pledgee_consent_required" : "listing.open_licence_not_exclusive";
        Assert.Contains(outcome.Error!.FieldErrors, e => e.Code == code);
    }

    [Fact]
    public void A_pledged_patent_with_the_pledgees_consent_and_an_open_licensed_one_offered_ordinarily_may_be_listed()
    {
        var p = Patent(pledgees: ["上海银行"], openLicensed: true);
        Assert.True(Check(Holder, Terms([p.PatentId], deal: ListingDealType.OrdinaryLicence, consent: "ZY-2026-001"), p).IsSuccess);
        Assert.True(Check(Holder, Terms([p.PatentId], deal: ListingDealType.SoleLicence, consent: "ZY-2026-001"), p).IsFailure);
    }

    [Fact]
    public void A_patent_set_needs_one_holder()
    {
        var a = Patent();
        var b = Patent(owner: Guid.NewGuid());
        Assert.Contains(Check(Holder, Terms([a.PatentId, b.PatentId]), a, b).Error!.FieldErrors, e => e.Code == "listing.mixed_holders");
    }

    private static CustodyMandateFacts Mandate(Guid patent, string[] deals, decimal floor = 100_000m, bool active = true, DateOnly? end = null) =>
        new(Guid.NewGuid(), Holder, OperatorOrg, deals, floor, new DateOnly(2025, 1, 1), end ?? new DateOnly(2027, 12, 31), active);

    private static Result<ListingEligibility.Outcome> AsOperator(ListingTerms t, PatentFacts p, CustodyMandateFacts m) =>
        ListingEligibility.Check(OperatorOrg, t, null, new Dictionary<Guid, PatentFacts> { [p.PatentId] = p },
            new Dictionary<Guid, IReadOnlyList<CustodyMandateFacts>> { [p.PatentId] = [m] }, Today);

    [Fact]
    public void A_custody_operator_lists_within_its_mandate_only()
    {
        var p = Patent();
        var ok = AsOperator(Terms([p.PatentId], ListingDealType.OrdinaryLicence), p, Mandate(p.PatentId, ["Listing", "NonExclusiveLicence"]));
        Assert.True(ok.IsSuccess);
        Assert.Equal(Holder, ok.Value.HolderOrganizationId);
        Assert.NotNull(ok.Value.CustodyAgreementId);

        Assert.Contains(AsOperator(Terms([p.PatentId], ListingDealType.Transfer), p, Mandate(p.PatentId, ["Listing", "NonExclusiveLicence"])).Error!.FieldErrors,
            e => e.Code == "listing.custody_deal_not_allowed");
        Assert.Contains(AsOperator(Terms([p.PatentId], ListingDealType.OrdinaryLicence, price: 99_999m), p, Mandate(p.PatentId, ["Listing", "NonExclusiveLicence"])).Error!.FieldErrors,
            e => e.Code == "listing.custody_price_below_floor");
        Assert.Contains(AsOperator(Terms([p.PatentId], ListingDealType.OrdinaryLicence), p, Mandate(p.PatentId, ["Listing", "NonExclusiveLicence"], end: new DateOnly(2026, 3, 1))).Error!.FieldErrors,
            e => e.Code == "listing.custody_not_in_force");
        Assert.Contains(AsOperator(Terms([p.PatentId], ListingDealType.OrdinaryLicence), p, Mandate(p.PatentId, ["Listing", "NonExclusiveLicence"], active: false)).Error!.FieldErrors,
            e => e.Code == "listing.custody_not_in_force");
    }

    [Fact]
    public void An_achievement_is_listed_by_its_owner_with_its_completers()
    {
        var a = new AchievementFacts(Guid.NewGuid(), Holder, "固态电池", "新能源", ["H01M"], ["李四", "王五"], true);
        var t = new ListingTerms("固态电池成果转让", "简介", ListingSubjectType.Achievement, a.AchievementId, [], ListingDealType.Equity,
            PricingMethod.NegotiatedWithPublicity, 1_000_000m, null, null, [], [], null, true);
        var outcome = ListingEligibility.Check(Holder, t, a, new Dictionary<Guid, PatentFacts>(), new Dictionary<Guid, IReadOnlyList<CustodyMandateFacts>>(), Today);
        Assert.Equal(["李四", "王五"], outcome.Value.CompleterNames);
        Assert.Equal("listing.not_rights_holder", ListingEligibility.Check(OperatorOrg, t, a, new Dictionary<Guid, PatentFacts>(),
            new Dictionary<Guid, IReadOnlyList<CustodyMandateFacts>>(), Today).Error!.Code);
    }

    [Fact]
    public void A_negotiated_price_needs_completers_for_its_notice()
    {
        var p = Patent();
        var outcome = Check(Holder, Terms([p.PatentId], method: PricingMethod.NegotiatedWithPublicity, completers: []), p);
        Assert.Contains(outcome.Error!.FieldErrors, e => e.Code == "listing.completers_required");
    }

    [Fact]
    public void The_body_is_checked_at_once()
    {
        var t = new ListingTerms("", "", ListingSubjectType.PatentSet, null, [Guid.NewGuid()], ListingDealType.Transfer, PricingMethod.Tender,
            0.001m, null, null, [], [], null, false);
        var codes = Listing.Check(t, ListingRules.Default).Select(e => e.Code).ToHashSet();
        Assert.Superset(new HashSet<string> { "listing.field_required", "listing.price_invalid", "listing.patent_count_invalid", "listing.pricing_method_not_offered" }, codes);
        Assert.Empty(Listing.Check(t with { Title = "t", Description = "d", PriceYuan = 1m, PatentIds = [Guid.NewGuid(), Guid.NewGuid()], PricingMethod = PricingMethod.Auction }, ListingRules.Default));
    }

    [Fact]
    public void Review_states_and_who_decides()
    {
        var p = Patent();
        var t = Terms([p.PatentId]);
        var l = Listing.Create(Guid.NewGuid(), "GP1", HolderUser, Check(Holder, t, p).Value, t, Now);
        Assert.Equal(ListingStatus.Draft, l.Status);
        Assert.Equal("listing.not_in_review", l.Approve(Exchange, null, ListingRules.Default, Calendar, Now).Error!.Code);
        Assert.Equal("listing.not_listers_listing", l.Submit(Buyer, Now).Error!.Code);
        Assert.True(l.Submit(HolderUser, Now).IsSuccess);
        Assert.Equal("listing.not_submittable", l.Submit(HolderUser, Now).Error!.Code);
        Assert.Equal("listing.not_editable", l.Edit(HolderUser, Check(Holder, t, p).Value, t, Now).Error!.Code);
        Assert.Equal("listing.operator_only", l.SendBack(HolderUser, "x", Now).Error!.Code);
        Assert.True(l.SendBack(Exchange, "请补充权属证明", Now).IsSuccess);
        Assert.Equal(ListingStatus.Rectify, l.Status);
        Assert.Equal("请补充权属证明", l.ReviewComment);
        Assert.True(l.Submit(HolderUser, Now).IsSuccess);
        Assert.True(l.Reject(Exchange, "权属不清", Now).IsSuccess);
        Assert.Equal(ListingStatus.Rejected, l.Status);
        Assert.Equal("listing.not_withdrawable", l.Withdraw(HolderUser, "x", Now).Error!.Code);
    }

    [Fact]
    public void Publication_counts_the_period_in_working_days_and_a_change_reopens_review()
    {
        var l = Published(PricingMethod.ExchangeListing);
        Assert.Equal(Today, l.PeriodStartsOn);
        Assert.Equal(Calendar.AddWorkingDays(Today, 20), l.PeriodEndsOn);
        Assert.Equal(new DateOnly(2026, 3, 30), l.PeriodEndsOn); // 20 working days after Monday 2 March 2026, no holidays
        Assert.Null(l.NoticeStartsOn);

        Assert.Contains(Listing.CheckExtension(4, ListingRules.Default), e => e.Code == "listing.extension_too_short");
        Assert.True(l.Extend(HolderUser, 5, Calendar, Now).IsSuccess);
        Assert.Equal(new DateOnly(2026, 4, 7), l.PeriodEndsOn); // 31 Mar–3 Apr, then 4 Apr (Qingming) to 6 Apr off, 7 Apr
        Assert.Equal(5, l.ExtendedWorkingDays);

        var p = Patent();
        var t = Terms([p.PatentId], price: 600_000m);
        Assert.True(l.Edit(HolderUser, Check(Holder, t, p).Value, t, Now).IsSuccess);
        Assert.Equal(ListingStatus.InReview, l.Status);
        Assert.Null(l.PeriodEndsOn);
        Assert.Equal(0, l.ExtendedWorkingDays);
        Assert.True(l.Approve(Exchange, null, ListingRules.Default, Calendar, Now.AddDays(3)).IsSuccess);
        Assert.Equal(new DateOnly(2026, 3, 5), l.PeriodStartsOn);
    }

    [Fact]
    public void A_state_funded_seller_and_others_have_their_own_configured_periods()
    {
        var rules = ListingRules.Default with { ListingWorkingDays = 10 };
        Assert.Equal(20, rules.PeriodWorkingDays(stateFunded: true));
        Assert.Equal(10, rules.PeriodWorkingDays(stateFunded: false));
    }

    [Fact]
    public void The_notice_takes_objections_while_it_runs_and_the_deal_waits_for_its_end_and_every_decision()
    {
        var l = Published();
        Assert.Equal(Today, l.NoticeStartsOn);
        Assert.Equal(Today.AddDays(14), l.NoticeEndsOn); // 15 calendar days, the first included
        Assert.Equal("listing.notice_not_ended", l.CanConfirmDeal(Today.AddDays(14)).Error!.Code);

        var o = l.Object(Buyer, "赵六", "13800000000", "定价明显偏低", Now.AddDays(2));
        Assert.True(o.IsSuccess);
        Assert.Equal("listing.objections_open", l.CanConfirmDeal(Today.AddDays(15)).Error!.Code);
        Assert.Equal("listing.operator_only", l.Decide(HolderUser, o.Value.Id, ObjectionDecision.Dismiss, "x", Now).Error!.Code);
        Assert.True(l.Decide(Exchange, o.Value.Id, ObjectionDecision.Dismiss, "评估报告支持该价格", Now.AddDays(3)).IsSuccess);
        Assert.Equal(ObjectionStatus.Dismissed, o.Value.Status);
        Assert.Equal("listing.objection_not_open", l.Decide(Exchange, o.Value.Id, ObjectionDecision.Dismiss, "x", Now).Error!.Code);
        Assert.True(l.CanConfirmDeal(Today.AddDays(15)).IsSuccess);
        Assert.Equal("listing.notice_not_running", l.Object(Buyer, "赵六", "1", "晚了", Now.AddDays(15)).Error!.Code);
    }

    [Fact]
    public void An_upheld_objection_withdraws_or_returns_the_listing_to_be_repriced()
    {
        var l = Published();
        var o = l.Object(Buyer, "赵六", "13800000000", "定价偏低", Now).Value;
        Assert.True(l.Decide(Exchange, o.Id, ObjectionDecision.UpholdAndReprice, "请按评估值重新定价", Now).IsSuccess);
        Assert.Equal(ListingStatus.Rectify, l.Status);
        Assert.Null(l.NoticeEndsOn);
        Assert.Equal("listing.not_published", l.CanConfirmDeal(Today.AddDays(30)).Error!.Code);

        var m = Published();
        var o2 = m.Object(Buyer, "赵六", "13800000000", "权属争议", Now).Value;
        Assert.True(m.Decide(Exchange, o2.Id, ObjectionDecision.UpholdAndWithdraw, "存在权属争议", Now).IsSuccess);
        Assert.Equal(ListingStatus.Withdrawn, m.Status);
        Assert.Equal(ObjectionStatus.Upheld, o2.Status);
    }

    [Fact]
    public void A_related_party_deal_needs_its_approval_reference_before_confirmation()
    {
        var l = Published();
        var after = Today.AddDays(15);
        Assert.True(l.CanConfirmDeal(after).IsSuccess);
        Assert.Equal("listing.not_listers_listing", l.MarkRelatedParty(Buyer, true, null, Now).Error!.Code);
        Assert.True(l.MarkRelatedParty(Exchange, true, null, Now).IsSuccess);
        Assert.Equal("listing.related_party_approval_required", l.CanConfirmDeal(after).Error!.Code);
        Assert.Equal("listing.related_party_clear_operator_only", l.MarkRelatedParty(HolderUser, false, null, Now).Error!.Code);
        Assert.True(l.MarkRelatedParty(HolderUser, true, " 校办〔2026〕12号 ", Now).IsSuccess);
        Assert.Equal("校办〔2026〕12号", l.RelatedPartyApprovalRef);
        Assert.Equal(ListingStatus.Published, l.Status); // not a term: no new review, the notice keeps running
        Assert.Equal(Today.AddDays(14), l.NoticeEndsOn);
        Assert.Equal("listing.notice_not_ended", l.CanConfirmDeal(Today.AddDays(14)).Error!.Code);
        Assert.True(l.CanConfirmDeal(after).IsSuccess);
        Assert.True(l.MarkRelatedParty(Exchange, false, null, Now).IsSuccess);
        Assert.Null(l.RelatedPartyApprovalRef);

        Assert.Equal("listing.approval_ref_without_flag", Assert.Single(Listing.CheckRelatedParty(false, "x")).Code);
        Assert.Equal("listing.field_too_long", Assert.Single(Listing.CheckRelatedParty(true, new string('号', Listing.RefMax + 1))).Code);
        Assert.Equal("listing.related_party_approval_required", Published(PricingMethod.ExchangeListing) is var m
            && m.MarkRelatedParty(Exchange, true, null, Now).IsSuccess ? m.CanConfirmDeal(Today).Error!.Code : null);
    }

    [Fact]
    public void Listings_priced_otherwise_have_no_notice()
    {
        var l = Published(PricingMethod.ExchangeListing);
        Assert.Equal("listing.not_negotiated", l.Object(Buyer, "a", "b", "c", Now).Error!.Code);
        Assert.True(l.CanConfirmDeal(Today).IsSuccess);
    }

    [Fact]
    public void Confidential_details_open_after_a_recorded_nda()
    {
        var l = Published();
        Assert.Equal("listing.nda_required", l.MayReadConfidential(Buyer).Error!.Code);
        Assert.True(l.MayReadConfidential(HolderUser).IsSuccess);
        Assert.True(l.MayReadConfidential(Exchange).IsSuccess);
        Assert.Equal("listing.nda_not_needed", l.SignNda(HolderUser, Now).Error!.Code);
        Assert.True(l.SignNda(Buyer, Now).IsSuccess);
        Assert.Equal("listing.nda_already_signed", l.SignNda(Buyer, Now).Error!.Code);
        Assert.True(l.MayReadConfidential(Buyer).IsSuccess);
    }
}
