using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TechTransfer.ApiTests.Demands;
using TechTransfer.ApiTests.Infrastructure;

namespace TechTransfer.ApiTests.Robustness;

/// <summary>
/// How the robustness test calls one operation: as whom (a role allowed to call it; null = anonymous), with which ids in
/// the path (records of <see cref="RobustnessWorld"/> that exist and that caller may see), which base query, and which
/// valid body the variants change (when none is given, a body is sampled from the document's schema).
/// </summary>
public sealed class OperationSetup(Func<RobustnessWorld, TestUser?> caller)
{
    private readonly Dictionary<string, Func<RobustnessWorld, object>> _path = [];
    private readonly Dictionary<string, Func<RobustnessWorld, object>> _query = [];
    private Func<RobustnessWorld, HttpClient, Task<JsonNode?>>? _body;
    private Func<RobustnessWorld, FormBase>? _form;

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public Func<RobustnessWorld, TestUser?> Caller { get; } = caller;

    /// <summary>True when the base body is read again before each variant (it carries the record's current version).</summary>
    public bool RefreshesBody { get; private set; }

    public OperationSetup Path(string name, Func<RobustnessWorld, object> value)
    {
        _path[name] = value;
        return this;
    }

    public OperationSetup Query(string name, Func<RobustnessWorld, object> value)
    {
        _query[name] = value;
        return this;
    }

    public OperationSetup Body(Func<RobustnessWorld, object> body)
    {
        _body = (w, _) =>
        {
            var value = body(w);
            return Task.FromResult(value as JsonNode ?? JsonSerializer.SerializeToNode(value, Web));
        };
        return this;
    }

    /// <summary>A body that carries the record's current <c>version</c>, read with a GET of <paramref name="url"/> before each variant.</summary>
    public OperationSetup VersionedBody(Func<RobustnessWorld, string> url, Func<RobustnessWorld, object> body)
    {
        RefreshesBody = true;
        _body = async (w, client) =>
        {
            var json = JsonSerializer.SerializeToNode(body(w), Web)!.AsObject();
            var current = await client.GetFromJsonAsync<JsonElement>(url(w));
            json["version"] = current.GetProperty("version").GetInt32();
            return json;
        };
        return this;
    }

    public OperationSetup Form(Func<RobustnessWorld, FormBase> form)
    {
        _form = form;
        return this;
    }

    public async Task<BaseRequest> BaseAsync(RobustnessWorld w, ApiOperation op, HttpClient client)
    {
        var path = _path.ToDictionary(p => p.Key, p => Convert.ToString(p.Value(w), System.Globalization.CultureInfo.InvariantCulture)!);
        var missing = op.Parameters.Where(p => p.In == "path" && !path.ContainsKey(p.Name)).Select(p => p.Name).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"{op.Label}: the mapping gives no value for path parameter(s) {string.Join(", ", missing)}.");
        var query = _query.ToDictionary(p => p.Key, p => Convert.ToString(p.Value(w), System.Globalization.CultureInfo.InvariantCulture)!);
        JsonNode? json = null;
        if (op.Body is { IsJson: true } body) json = _body is null ? body.Schema.Sample() : await _body(w, client);
        FormBase? form = op.Body is { IsMultipart: true } ? _form?.Invoke(w) ?? throw new InvalidOperationException($"{op.Label}: multipart operation without a form in the mapping.") : null;
        return new BaseRequest(path, query, json, form);
    }
}

/// <summary>
/// Every operation of the OpenAPI document, by operationId. The robustness test fails for an operation that is not here,
/// so a new endpoint gets its caller and data the day it is added.
/// </summary>
public static class RobustnessMapping
{
    private static OperationSetup As(Func<RobustnessWorld, TestUser?> caller) => new(caller);

    private static FormBase PdfForm(params (string Name, string Value)[] fields) =>
        new(RobustnessWorld.Pdf, "技术说明.pdf", "application/pdf", fields.ToDictionary(f => f.Name, f => f.Value));

    private static readonly string PatentCsv = string.Join("\r\n",
        "申请号,公开(公告)号,专利类型,发明名称,申请日,授权公告日,法律状态,专利权人,年费缴至",
        $"{RobustnessWorld.NewApplicationNo()},CN1B,发明,一种方法,2020-05-10,2023-01-06,有效,复旦大学,2026-05-09");

    public static IReadOnlyDictionary<string, OperationSetup> All { get; } = new Dictionary<string, OperationSetup>
    {
        // platform
        ["Health"] = As(_ => null),
        ["ListDivisions"] = As(w => w.Admin),
        ["ListEntityNatures"] = As(w => w.Admin),
        ["Login"] = As(_ => null).Body(_ => new { userName = "nobody-robust", password = "Wrong#Passw0rd1" }),
        ["Me"] = As(w => w.Account),
        ["ListAudit"] = As(w => w.Admin),
        ["ExportAudit"] = As(w => w.Admin),
        ["ListNotifications"] = As(w => w.Account),
        ["ExportNotifications"] = As(w => w.Account),
        ["MarkNotificationRead"] = As(w => w.Account).Path("id", w => w.NotificationId),
        ["CountUnreadNotifications"] = As(w => w.Account),
        ["MarkAllNotificationsRead"] = As(w => w.Account),
        ["GetNotificationPreferences"] = As(w => w.Account),
        ["SaveNotificationPreferences"] = As(w => w.Account).Body(_ => new { kinds = new[] { new { kind = "reminder", email = true } }, language = "en" }),
        ["GetWorkbench"] = As(w => w.Account),
        ["Refresh"] = As(_ => null).Body(_ => new { refreshToken = "not-a-refresh-token" }),
        ["ApiLogout"] = As(w => w.Account),
        ["ChangePassword"] = As(w => w.Account).Body(_ => new { currentPassword = "Wrong#Passw0rd1", newPassword = "N3w!Passw0rd-robust" }),
        ["ListCountries"] = As(w => w.Admin),
        ["GetUser"] = As(w => w.Admin).Path("id", w => w.Expendable.UserId),
        ["UpdateUser"] = As(w => w.Admin).Path("id", w => w.Expendable.UserId)
            .Body(w => new { displayName = "健壮性用户", email = "robust@example.org", organizationId = w.Expendable.OrganizationId }),
        ["ResetUserPassword"] = As(w => w.Admin).Path("id", w => w.Expendable.UserId).Body(_ => new { newPassword = "R3set!Passw0rd-robust" }),
        ["LockUser"] = As(w => w.Admin).Path("id", w => w.Expendable.UserId),
        ["UnlockUser"] = As(w => w.Admin).Path("id", w => w.Expendable.UserId),
        ["SetUserRoles"] = As(w => w.Admin).Path("id", w => w.Expendable.UserId).Body(_ => new { roles = new[] { "Enterprise" } }),
        ["RemoveUser"] = As(w => w.Admin).Path("id", w => w.Expendable.UserId),
        ["ListUsers"] = As(w => w.Admin),
        ["CreateUser"] = As(w => w.Admin).Body(w => new
        {
            userName = "robust" + Guid.NewGuid().ToString("N")[..8], displayName = "健壮性用户", password = "Str0ng!Passw0rd",
            roles = new[] { "Researcher" }, organizationId = w.University.Id,
        }),

        // organisations
        ["ListOrganizations"] = As(w => w.Admin),
        ["ExportOrganizations"] = As(w => w.Office),
        ["CreateOrganization"] = As(w => w.Admin).Body(w => w.OrganizationBody()),
        ["GetOrganization"] = As(w => w.Admin).Path("id", w => w.Enterprise.Id),
        ["UpdateOrganization"] = As(w => w.Admin).Path("id", w => w.Enterprise.Id)
            .VersionedBody(w => $"/api/v1/organizations/{w.Enterprise.Id}", w => w.OrganizationBody()),

        // achievements
        ["ListAchievements"] = As(w => w.Researcher),
        ["ExportAchievements"] = As(w => w.Office),
        ["CreateAchievement"] = As(w => w.Researcher).Body(w => w.Disclosure()),
        ["ListIdleAchievements"] = As(w => w.Office),
        ["ExportIdleAchievements"] = As(w => w.Office),
        ["ScanIdleAchievements"] = As(w => w.Admin),
        ["GetAchievement"] = As(w => w.Researcher).Path("id", w => w.AchievementRegistered),
        ["EditAchievement"] = As(w => w.Researcher).Path("id", w => w.AchievementDraft).Body(w => w.Disclosure()),
        ["DiscloseAchievement"] = As(w => w.Researcher).Path("id", w => w.AchievementDraft),
        ["StartAchievementReview"] = As(w => w.Office).Path("id", w => w.AchievementDisclosed),
        ["RegisterAchievement"] = As(w => w.Office).Path("id", w => w.AchievementUnderReview).Body(_ => new { reason = "符合登记条件" }),
        ["ReturnAchievement"] = As(w => w.Office).Path("id", w => w.AchievementUnderReview).Body(_ => new { reason = "请补充技术指标" }),
        ["DeclineAchievement"] = As(w => w.Office).Path("id", w => w.AchievementUnderReview).Body(_ => new { reason = "不属于职务科技成果" }),
        ["EvaluateAchievement"] = As(w => w.Office).Path("id", w => w.AchievementRegistered).Body(_ => new
        {
            valueAssessment = "技术先进", potential = "High", estimatedValueYuan = 3_000_000m, proofOfConcept = "Validated", notes = "无",
        }),
        ["UpdateAchievementConversion"] = As(w => w.Office).Path("id", w => w.AchievementRegistered).Body(_ => new
        {
            status = "InProgress", mode = "License", counterpartyIsForeign = false, exclusiveLicence = false, projectAuthorityApprovalRef = "批复-1", note = "洽谈中",
        }),
        ["JustifyIdleAchievement"] = As(w => w.Office).Path("id", w => w.AchievementRegistered).Body(_ => new { justification = "涉密，暂缓转化" }),
        ["SetAchievementConfidentiality"] = As(w => w.Office).Path("id", w => w.AchievementRegistered).Body(w => new
        {
            isConfidential = false, confidentialDetails = "烧结温度", namedViewerUserIds = new[] { w.CoInventor.UserId },
        }),
        ["UploadAchievementAttachment"] = As(w => w.Researcher).Path("id", w => w.AchievementRegistered).Form(_ => PdfForm(("confidential", "false"))),
        ["DownloadAchievementAttachment"] = As(w => w.Office).Path("id", w => w.AchievementRegistered).Path("attachmentId", w => w.AchievementAttachment),

        // rights grants
        ["ListRightsGrants"] = As(w => w.Office),
        ["ExportRightsGrants"] = As(w => w.Office),
        ["RequestRightsGrant"] = As(w => w.Office).Body(w => w.OwnershipGrant(w.AchievementForNewGrant)),
        ["GetRightsGrant"] = As(w => w.Office).Path("id", w => w.GrantSubmitted),
        ["ApproveRightsGrant"] = As(w => w.Office).Path("id", w => w.GrantSubmitted).Body(_ => new { reason = "同意" }),
        ["RejectRightsGrant"] = As(w => w.Office).Path("id", w => w.GrantSubmitted).Body(_ => new { reason = "不同意" }),
        ["WithdrawRightsGrant"] = As(w => w.Office).Path("id", w => w.GrantSubmitted),
        ["RecordOwnershipChange"] = As(w => w.Office).Path("id", w => w.GrantApproved).Body(w => new { filedOn = w.Today }),
        ["GetRightsGrantCertificate"] = As(w => w.Office).Path("id", w => w.GrantApproved),
        ["GetRightsGrantCertificatePdf"] = As(w => w.Office).Path("id", w => w.GrantApproved),

        // income distribution
        ["ListIncomeDistributions"] = As(w => w.Office),
        ["ExportIncomeDistributions"] = As(w => w.Office),
        ["GetIncomeSettings"] = As(w => w.Office),
        ["ChangeIncomeSettings"] = As(w => w.Office)
            .VersionedBody(_ => "/api/v1/income-distributions/settings", _ => new { ttoSharePercent = 12m }),
        ["RecordIncomeProfitYear"] = As(w => w.Office).Path("id", w => w.PlanDraft)
            .VersionedBody(w => $"/api/v1/income-distributions/{w.PlanDraft}", _ => new { year = 2025, operatingProfit = 1_000_000m }),
        ["PlanIncomeDistribution"] = As(w => w.Office).Body(w => w.Plan(w.AchievementRegistered)),
        ["ListCertifiedIncome"] = As(w => w.Office).Query("achievementId", w => w.AchievementRegistered),
        ["PrefillIncomeDistribution"] = As(w => w.Office).Query("achievementId", w => w.AchievementRegistered).Query("certificationId", w => w.Certification),
        ["GetIncomeRules"] = As(w => w.Office),
        ["GetAnnualConversionReport"] = As(w => w.Office).Query("year", _ => 2025),
        ["SubmitAnnualConversionReport"] = As(w => w.Office).Path("year", _ => 2025),
        ["GetIncomeDistribution"] = As(w => w.Office).Path("id", w => w.PlanDraft),
        ["ApproveIncomeDistribution"] = As(w => w.Office).Path("id", w => w.PlanDraft),
        ["RecordIncomePayout"] = As(w => w.Office).Path("id", w => w.PlanApproved).Body(w => new
        {
            allocationId = w.PlanAllocation, amount = 1_000m, paidOn = w.Today, reference = "回单-1", disclosureRecordRef = "公示-1",
        }),

        // patents
        ["ListPatents"] = As(w => w.Office),
        ["ExportPatents"] = As(w => w.Office),
        ["CreatePatent"] = As(w => w.Office).Body(w => w.PatentBody()),
        ["GetPatent"] = As(w => w.Office).Path("id", w => w.Patent),
        ["UpdatePatent"] = As(w => w.Office).Path("id", w => w.Patent).Body(w => w.PatentBody(w.PatentApplicationNo)),
        ["ImportPatents"] = As(w => w.Office).Form(_ => new FormBase(Encoding.UTF8.GetBytes(PatentCsv), "export.csv", "text/csv", new Dictionary<string, string>())),
        ["ChangeLegalStatus"] = As(w => w.Office).Path("id", w => w.Patent).Body(_ => new { status = "InForce" }),
        ["RecordAnnualFeePaid"] = As(w => w.Office).Path("id", w => w.Patent).Body(_ => new { paidUntil = "2027-05-09" }),
        ["AddPledge"] = As(w => w.Office).Path("id", w => w.Patent).Body(_ => new { pledgee = "上海银行", registeredOn = "2025-06-01", securedAmountYuan = 1_000_000m }),
        ["ReleasePledge"] = As(w => w.Office).Path("id", w => w.Patent).Path("pledgeId", w => w.Pledge).Body(w => new { releasedOn = w.Today }),
        ["SuspendPatent"] = As(w => w.Office).Path("id", w => w.Patent).Body(_ => new { reason = "权属纠纷" }),
        ["LiftSuspension"] = As(w => w.Office).Path("id", w => w.Patent),
        ["RecordLicence"] = As(w => w.Office).Path("id", w => w.Patent).Body(_ => new { licensee = "某企业", scope = "NonExclusive", startDate = "2026-04-01", endDate = "2028-01-01" }),
        ["QuoteAnnualFee"] = As(w => w.Office).Body(w => new
        {
            fullFeeYuan = 1200m, dueDate = "2026-05-10", paymentDate = "2026-07-01", patentId = w.Patent, openLicenceActive = (bool?)null,
            otherReductions = new[] { new { name = "费用减缴", rate = 0.85m } },
        }),

        // open licences
        ["ListOpenLicenses"] = As(w => w.EnterpriseUser),
        ["ExportOpenLicenses"] = As(w => w.EnterpriseUser),
        ["DeclareOpenLicense"] = As(w => w.Office).Body(w => w.Declaration(w.PatentForDeclaration)),
        ["ListFilingTasks"] = As(w => w.Office),
        ["GetOpenLicense"] = As(w => w.Office).Path("id", w => w.DeclarationActive),
        ["ListOpenLicencePatentChoices"] = As(w => w.Office),
        ["DeleteOpenLicense"] = As(w => w.Office).Path("id", w => w.DeclarationDraft),
        ["ReviseOpenLicense"] = As(w => w.Office).Path("id", w => w.DeclarationDraft).Body(w => w.Declaration(w.DeclarationDraftPatent)),
        ["SubmitOpenLicense"] = As(w => w.Office).Path("id", w => w.DeclarationDraft),
        ["AnnounceOpenLicense"] = As(w => w.Office).Path("id", w => w.DeclarationSubmitted).Body(w => new { announcementNo = "CN-OL-9", announcementDate = w.Today }),
        ["WithdrawOpenLicense"] = As(w => w.Office).Path("id", w => w.DeclarationActive),
        ["AnnounceWithdrawal"] = As(w => w.Office).Path("id", w => w.DeclarationWithdrawing).Body(w => new { announcementNo = "CN-W-9", announcementDate = w.Today }),
        ["LapseOpenLicense"] = As(w => w.Office).Path("id", w => w.DeclarationToLapse).Body(w => new { reason = "TermEnded", on = w.Today }),
        ["ListGrants"] = As(w => w.EnterpriseUser).Path("id", w => w.DeclarationActive),
        ["TakeLicence"] = As(w => w.SolverUser).Path("id", w => w.DeclarationActive).Body(w => new { licenseeName = "复旦大学", writtenNoticeRef = "通知-002", noticeDate = w.Today }),
        ["RecordPayment"] = As(w => w.EnterpriseUser).Path("id", w => w.DeclarationActive).Path("grantId", w => w.LicenceGrant)
            .Body(w => new { amountYuan = 50_000m, paymentRef = "回单", paidOn = w.Today }),
        ["RecordFiling"] = As(w => w.EnterpriseUser).Path("id", w => w.DeclarationActive).Path("grantId", w => w.LicenceGrant)
            .Body(w => new { proofRef = "备案-1", filedOn = w.Today }),
        ["OpenDispute"] = As(w => w.EnterpriseUser).Path("id", w => w.DeclarationActive).Path("grantId", w => w.LicenceGrant)
            .Body(_ => new { channel = "CnipaMediation", summary = "费用争议" }),
        ["ResolveDispute"] = As(w => w.EnterpriseUser).Path("id", w => w.DeclarationActive).Path("grantId", w => w.LicenceGrant).Path("disputeId", w => w.Dispute)
            .Body(_ => new { outcome = "调解成功" }),

        // custody
        ["ListCustodyAgreements"] = As(w => w.Office),
        ["ExportCustodyAgreements"] = As(w => w.Office),
        ["CreateCustodyAgreement"] = As(w => w.Office).Body(w => w.Custody(w.PatentForCustody)),
        ["GetCustodyAgreement"] = As(w => w.Office).Path("id", w => w.CustodyActive),
        ["ActivateCustodyAgreement"] = As(w => w.OperatorUser).Path("id", w => w.CustodyDraft),
        ["OperateCustody"] = As(w => w.OperatorUser).Path("id", w => w.CustodyActive)
            .Body(_ => new { dealType = "NonExclusiveLicence", counterparty = "绿能电池", priceYuan = 400_000m, dealTermEnd = "2027-12-31" }),
        ["RenewCustodyAgreement"] = As(w => w.Office).Path("id", w => w.CustodyActive).Body(_ => new { newTermEnd = "2029-02-28" }),
        ["TerminateCustodyAgreement"] = As(w => w.Office).Path("id", w => w.CustodyDraft).Body(_ => new { reason = "双方协商终止" }),
        ["SplitCustodyRevenue"] = As(w => w.Office).Path("id", w => w.CustodyActive).Body(_ => new { amountYuan = 100_000m }),

        // exchange listings
        ["ListListings"] = As(w => w.ExchangeOperator),
        ["ExportListings"] = As(w => w.ExchangeOperator),
        ["GetListing"] = As(_ => null).Path("id", w => w.ListingPublished),
        ["CreateListing"] = As(w => w.Office).Body(w => w.ListingBody(w.PatentForListing)),
        ["UpdateListing"] = As(w => w.Office).Path("id", w => w.ListingDraft)
            .VersionedBody(w => $"/api/v1/listings/{w.ListingDraft}", w => w.ListingBody(w.PatentForListing)),
        ["SubmitListing"] = As(w => w.Office).Path("id", w => w.ListingDraft),
        ["ApproveListing"] = As(w => w.ExchangeOperator).Path("id", w => w.ListingInReview).Body(_ => new { comment = "准予挂牌" }),
        ["RectifyListing"] = As(w => w.ExchangeOperator).Path("id", w => w.ListingInReview).Body(_ => new { reason = "请补充权属证明" }),
        ["RejectListing"] = As(w => w.ExchangeOperator).Path("id", w => w.ListingInReview).Body(_ => new { reason = "权属不清" }),
        ["ExtendListing"] = As(w => w.Office).Path("id", w => w.ListingPublished).Body(_ => new { workingDays = 5 }),
        ["WithdrawListing"] = As(w => w.Office).Path("id", w => w.ListingToWithdraw).Body(_ => new { reason = "转让方案调整" }),
        ["RaiseObjection"] = As(_ => null).Path("id", w => w.ListingPublished)
            .Body(_ => new { name = "赵六", contact = "13800000000", text = "定价低于评估值" }),
        ["DecideObjection"] = As(w => w.ExchangeOperator).Path("id", w => w.ListingObjected).Path("objectionId", w => w.ListingObjection)
            .Body(_ => new { decision = "Dismiss", reason = "评估报告支持该价格" }),
        ["SignListingNda"] = As(w => w.EnterpriseUser).Path("id", w => w.ListingPublished).Body(_ => new { accept = true }),
        ["OpenListingConfidential"] = As(w => w.Office).Path("id", w => w.ListingPublished),
        ["ListingMarketValuation"] = As(w => w.Office).Path("id", w => w.ListingPublished),
        ["GetListingValuation"] = As(w => w.Office).Path("id", w => w.ListingValued),
        ["RunCostValuation"] = As(w => w.Office).Path("id", w => w.ListingValued).Body(_ => RobustnessWorld.CostValuationBody()),
        ["RunMarketValuation"] = As(w => w.ExchangeOperator).Path("id", w => w.ListingValued).Body(_ => new { }),
        ["RunIncomeValuation"] = As(w => w.Office).Path("id", w => w.ListingValued).Body(_ => RobustnessWorld.IncomeValuationBody()),
        ["ChooseListingValuation"] = As(w => w.Office).Path("id", w => w.ListingValued)
            .Body(_ => new { basis = "Cost", valueYuan = 855_000m, rationale = "成本法数据可靠，市场可比交易不足" }),
        ["MarkListingRelatedParty"] = As(w => w.Office).Path("id", w => w.ListingPublished)
            .VersionedBody(w => $"/api/v1/listings/{w.ListingPublished}", _ => new { relatedParty = true, approvalRef = "校办〔2026〕12号" }),

        // demands
        ["ListDemands"] = As(w => w.EnterpriseUser),
        ["ExportDemands"] = As(w => w.EnterpriseUser),
        ["CreateDemand"] = As(w => w.EnterpriseUser).Body(w => DemandsApi.DemandBody(w.Now)),
        ["GetDemand"] = As(w => w.EnterpriseUser).Path("id", w => w.DemandPublished),
        ["UpdateDemand"] = As(w => w.EnterpriseUser).Path("id", w => w.DemandDraft)
            .VersionedBody(w => $"/api/v1/demands/{w.DemandDraft}", w => DemandsApi.DemandBody(w.Now)),
        ["SubmitDemand"] = As(w => w.EnterpriseUser).Path("id", w => w.DemandDraft),
        ["WithdrawDemand"] = As(w => w.EnterpriseUser).Path("id", w => w.DemandUnderReview),
        ["ApproveDemand"] = As(w => w.Admin).Path("id", w => w.DemandUnderReview).Body(_ => new { comment = "准予发布" }),
        ["RejectDemand"] = As(w => w.Admin).Path("id", w => w.DemandUnderReview).Body(_ => new { reason = "请补充技术指标" }),
        ["MarkDemandMatched"] = As(w => w.EnterpriseUser).Path("id", w => w.DemandPublished).Body(w => new { organizationId = w.University.Id }),
        ["CloseDemand"] = As(w => w.EnterpriseUser).Path("id", w => w.DemandToClose).Body(_ => new { reason = "已自行解决" }),

        // challenges
        ["ListChallenges"] = As(w => w.EnterpriseUser),
        ["ExportChallenges"] = As(w => w.EnterpriseUser),
        ["CreateChallenge"] = As(w => w.EnterpriseUser).Body(w => w.ChallengeBody()),
        ["GetChallenge"] = As(w => w.EnterpriseUser).Path("id", w => w.ChallengeOpen),
        ["UpdateChallenge"] = As(w => w.EnterpriseUser).Path("id", w => w.ChallengeDraft)
            .VersionedBody(w => $"/api/v1/challenges/{w.ChallengeDraft}", w => w.ChallengeBody()),
        ["ListChallengeAwards"] = As(w => w.EnterpriseUser).Path("id", w => w.ChallengeAnnounced),
        ["AnnounceChallengeAwards"] = As(w => w.EnterpriseUser).Path("id", w => w.ChallengeJudging),
        ["PublishChallenge"] = As(w => w.EnterpriseUser).Path("id", w => w.ChallengeDraft),
        ["CancelChallenge"] = As(w => w.EnterpriseUser).Path("id", w => w.ChallengeToCancel).Body(_ => new { reason = "需求变更" }),
        ["AddChallengeJudge"] = As(w => w.EnterpriseUser).Path("id", w => w.ChallengeDraft).Body(w => new { userName = w.SecondJudge.Name }),
        ["RemoveChallengeJudge"] = As(w => w.EnterpriseUser).Path("id", w => w.ChallengeDraft).Path("userId", w => w.Judge.UserId),
        ["ListChallengeApplications"] = As(w => w.EnterpriseUser).Path("id", w => w.ChallengeOpen),
        ["ApplyToChallenge"] = As(w => w.Office).Path("id", w => w.ChallengeOpen).Body(_ => DemandsApi.Proposal()),
        ["WithdrawChallengeApplication"] = As(w => w.SolverUser).Path("id", w => w.ChallengeOpen).Path("applicationId", w => w.ApplicationToWithdraw),
        ["ScoreChallengeApplication"] = As(w => w.Judge).Path("id", w => w.ChallengeJudging).Path("applicationId", w => w.ApplicationToScore)
            .Body(_ => new { scores = new Dictionary<string, decimal> { ["c1"] = 8, ["c2"] = 8, ["c3"] = 8 } }),
        ["LinkAwardContract"] = As(w => w.SolverUser).Path("id", w => w.ChallengeAnnounced).Path("awardId", w => w.Award)
            .Body(_ => new { contractReference = "HT-2026-001" }),

        // search, matching, managers
        ["Search"] = As(w => w.EnterpriseUser),
        ["SearchStatus"] = As(w => w.Admin),
        ["DemandMatches"] = As(w => w.EnterpriseUser).Path("id", w => w.DemandPublished),
        ["AchievementMatches"] = As(w => w.Office).Path("id", w => w.AchievementRegistered),
        ["DemandMatchFeedback"] = As(w => w.EnterpriseUser).Path("id", w => w.DemandPublished)
            .Body(w => new { targetType = "achievement", targetId = w.AchievementRegistered, useful = true }),
        ["AchievementMatchFeedback"] = As(w => w.Office).Path("id", w => w.AchievementRegistered)
            .Body(w => new { targetType = "demand", targetId = w.DemandPublished, useful = true }),
        ["ListDemandManagers"] = As(w => w.Admin).Path("id", w => w.DemandPublished),
        ["AssignDemandManager"] = As(w => w.Admin).Path("id", w => w.DemandPublished).Body(w => new { userId = w.Manager.UserId }),
        ["UnassignDemandManager"] = As(w => w.Admin).Path("id", w => w.DemandPublished).Path("userId", w => w.AssignedManager.UserId),
        ["ListAchievementManagers"] = As(w => w.Office).Path("id", w => w.AchievementRegistered),
        ["AssignAchievementManager"] = As(w => w.Office).Path("id", w => w.AchievementRegistered).Body(w => new { userId = w.Manager.UserId }),
        ["UnassignAchievementManager"] = As(w => w.Office).Path("id", w => w.AchievementRegistered).Path("userId", w => w.AssignedManager.UserId),

        // contracts
        ["ListContracts"] = As(w => w.Office),
        ["ExportContracts"] = As(w => w.Office),
        ["CreateContract"] = As(w => w.Office).Body(w => w.FullContractBody()),
        ["GetContract"] = As(w => w.Office).Path("id", w => w.ContractRegistered),
        ["UpdateContract"] = As(w => w.Office).Path("id", w => w.ContractDraft).Body(w => w.FullContractBody()),
        ["AddAttachment"] = As(w => w.Office).Path("id", w => w.ContractDraft)
            .Body(_ => new { kind = "ContractText", fileName = "合同.pdf", contentType = "application/pdf", sizeBytes = 1000, sha256 = (string?)null }),
        ["SubmitContract"] = As(w => w.Office).Path("id", w => w.ContractDraft),
        ["AcceptContract"] = As(w => w.Registrar).Path("id", w => w.ContractSubmitted),
        ["RequestSupplements"] = As(w => w.Registrar).Path("id", w => w.ContractSubmitted).Body(_ => new { items = "请补充发票" }),
        ["SendToExpertReview"] = As(w => w.Registrar).Path("id", w => w.ContractAccepted).Body(_ => new { note = "大额合同", markDisputed = false }),
        ["RegisterContract"] = As(w => w.Registrar).Path("id", w => w.ContractAccepted).Body(_ => new { assessedTechTransactionAmount = 900_000m }),
        ["RejectContract"] = As(w => w.Registrar).Path("id", w => w.ContractSubmitted).Body(_ => new { reason = "NotTechnologyContract", text = "不属于技术合同" }),
        ["ChangeRegistration"] = As(w => w.Registrar).Path("id", w => w.ContractRegistered).Body(w => new
        {
            reason = "金额变更", totalAmount = 1_200_000m, assessedTechTransactionAmount = 1_000_000m, validTo = "2027-06-30",
            parties = ((JsonObject)JsonSerializer.SerializeToNode(w.ContractBody(), new JsonSerializerOptions(JsonSerializerDefaults.Web))!)["parties"]!.DeepClone(),
        }),
        ["FileCorrection"] = As(w => w.Office).Path("id", w => w.ContractRegistered).Body(_ => new { newTotalAmount = 1_100_000m, note = "笔误" }),
        ["CancelRegistration"] = As(w => w.Registrar).Path("id", w => w.ContractToCancel).Body(_ => new { reason = "当事人申请注销" }),
        ["RevokeRegistration"] = As(w => w.Registrar).Path("id", w => w.ContractToCancel).Body(_ => new { reason = "DuplicateRegistration", text = "重复登记" }),
        ["FileObjection"] = As(w => w.EnterpriseUser).Path("id", w => w.ContractRegistered).Body(_ => new { text = "金额有误" }),
        ["ResolveObjection"] = As(w => w.Registrar).Path("id", w => w.ContractObjected).Body(_ => new { outcome = "Upheld", resolution = "维持登记" }),
        ["ClearDuplicate"] = As(w => w.Registrar).Path("id", w => w.ContractRegistered),
        ["RecordBenefit"] = As(w => w.Office).Path("id", w => w.ContractRegistered).Body(_ => new { kind = "RewardPayout" }),
        ["GetCertificate"] = As(w => w.Office).Path("id", w => w.ContractRegistered),
        ["GetStatistics"] = As(w => w.Registrar),
        ["ImportContracts"] = As(w => w.Office).Form(w => new FormBase(w.ContractImportTemplate, "合同导入.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new Dictionary<string, string>())),
        ["ImportTemplate"] = As(w => w.Office),
        ["GetCalendar"] = As(w => w.Registrar),
        ["CitRelief"] = As(w => w.Office).Query("revenue", _ => 1_000_000),
        ["BulkContractAction"] = As(w => w.Registrar).Body(w => new { action = "accept", contractIds = new[] { w.ContractSubmittedForBulk }, assigneeUserId = (Guid?)null }),
        ["ExportContractSelection"] = As(w => w.Registrar).Body(w => new { contractIds = new[] { w.ContractRegistered } }),
        ["PrefillContract"] = As(w => w.Office).Body(w => new { sourceType = "openLicenseGrant", sourceId = w.LicenceGrant }),
        ["CertifyIncome"] = As(w => w.Registrar).Path("id", w => w.ContractRegistered).Body(w => w.CertificationBody()),
        ["ListIncomeCertifications"] = As(w => w.Registrar).Path("id", w => w.ContractRegistered),
        ["UploadContractAttachment"] = As(w => w.Office).Path("id", w => w.ContractDraft).Form(_ => PdfForm(("kind", "ContractText"))),
        ["DownloadContractAttachment"] = As(w => w.Office).Path("id", w => w.ContractDraft).Path("attachmentId", w => w.ContractFile),

        // auctions (exchange): bids go to a lot before its start, so every legal-shaped bid is a 409 that stores nothing
        ["CreateAuction"] = As(w => w.ExchangeUser).Body(w => w.AuctionBody()),
        ["ListAuctions"] = As(w => w.Account),
        ["ExportAuctions"] = As(w => w.Account),
        ["GetAuction"] = As(w => w.AuctionBidder).Path("id", w => w.AuctionBidding),
        ["ListAuctionBids"] = As(w => w.ExchangeUser).Path("id", w => w.AuctionSold),
        ["RegisterForAuction"] = As(w => w.EnterpriseUser).Path("id", w => w.AuctionScheduled).Body(_ => new { acceptTerms = true }),
        ["PlaceBid"] = As(w => w.AuctionBidder).Path("id", w => w.AuctionScheduled).Body(_ => new { amount = 100_000m }),
        ["DeclareWinnerDefault"] = As(w => w.ExchangeUser).Path("id", w => w.AuctionSoldToDefault).Body(_ => new { reason = "竞得人未付款" }),
        ["WithdrawAuction"] = As(w => w.ExchangeUser).Path("id", w => w.AuctionToWithdraw).Body(_ => new { reason = "委托人撤回" }),
        // exchange deals (成交): the negotiated listing's notice is still running, so a legal confirmation is a 409 that stores nothing
        ["ListDeals"] = As(w => w.ExchangeUser),
        ["ExportDeals"] = As(w => w.ExchangeUser),
        ["GetDeal"] = As(w => w.ExchangeUser).Path("id", w => w.DealPending),
        ["GetDealConfirmationPdf"] = As(w => w.AuctionBidder).Path("id", w => w.DealPending),
        ["DealAttestationPdf"] = As(w => w.AuctionBidder).Path("id", w => w.DealPending),
        ["VerifyDealEvidence"] = As(w => w.AuctionBidder).Path("id", w => w.DealPending),
        ["SignDeal"] = As(w => w.ExchangeUser).Path("id", w => w.DealPending)
            .VersionedBody(w => $"/api/v1/exchange/deals/{w.DealPending}", _ => new { accept = true }),
        ["AnnulDeal"] = As(w => w.ExchangeUser).Path("id", w => w.DealToAnnul)
            .VersionedBody(w => $"/api/v1/exchange/deals/{w.DealToAnnul}", _ => new { reason = "买受人放弃" }),
        ["ConfirmNegotiatedDeal"] = As(w => w.ExchangeUser).Path("id", w => w.ListingPublished)
            .VersionedBody(w => $"/api/v1/listings/{w.ListingPublished}", w => new { buyerOrganizationId = w.Enterprise.Id, priceYuan = 800_000m, settlement = "LumpSum", instalments = Array.Empty<object>() }),
        // settlement (结算): the variants carry no Idempotency-Key, so every money command is a 422 that stores nothing
        ["GetDealSettlement"] = As(w => w.AuctionBidder).Path("id", w => w.DealPending),
        ["RecordSettlementPayment"] = As(w => w.ExchangeUser).Path("id", w => w.DealPending).Body(_ => new { amount = 1_000m, reference = "ICBC-1" }),
        ["RecordSettlementPayout"] = As(w => w.ExchangeUser).Path("id", w => w.DealPending).Body(_ => new { amount = 500m, brokerCommission = 1m }),
        ["RecordSettlementRefund"] = As(w => w.ExchangeUser).Path("id", w => w.DealPending).Body(_ => new { amount = 10m }),
        ["GetLotDeposits"] = As(w => w.ExchangeUser).Path("id", w => w.AuctionSold),
        ["RecordLotDeposit"] = As(w => w.ExchangeUser).Path("id", w => w.AuctionScheduled).Body(_ => new { registrationId = Guid.NewGuid(), reference = "ICBC-D1" }),
        ["ReverseSettlementTransfer"] = As(w => w.ExchangeUser).Path("id", w => w.DealPending).Path("transferId", w => w.DealToAnnul).Body(_ => new { reason = "录入错误" }),
    };
}
