using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TechTransfer.ApiTests.Contracts;
using TechTransfer.ApiTests.Demands;
using TechTransfer.ApiTests.Infrastructure;
using TechTransfer.Data.Notifications;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.ApiTests.Robustness;

/// <summary>
/// Real data for the robustness test, made through the API as users would: organisations, accounts, and records of every
/// module in the states their actions need (a draft to edit, a submitted contract to reject, an announced challenge with
/// an award …). Each operation of the document is mapped to a caller allowed to call it and to the ids of its path
/// (<see cref="RobustnessMapping"/>).
/// </summary>
public sealed partial class RobustnessWorld
{
    private readonly TechTransferFactory _factory;

    private RobustnessWorld(TechTransferFactory factory) => _factory = factory;

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    public DateTimeOffset Now => _factory.Clock.GetUtcNow();
    public string Today => BusinessTime.DateOf(Now).ToString("yyyy-MM-dd");

    // organisations
    public Organization University { get; private set; } = null!;
    public Organization Enterprise { get; private set; } = null!;
    public Organization Registry { get; private set; } = null!;
    public Organization Operator { get; private set; } = null!;
    public Organization JudgeOrg { get; private set; } = null!;
    public Organization Solver { get; private set; } = null!;

    // callers (test headers) and real accounts
    public TestUser Admin { get; private set; } = null!;
    public TestUser Office { get; private set; } = null!;
    public TestUser Researcher { get; private set; } = null!;
    public TestUser CoInventor { get; private set; } = null!;
    public TestUser EnterpriseUser { get; private set; } = null!;
    public TestUser Registrar { get; private set; } = null!;
    public TestUser OperatorUser { get; private set; } = null!;
    public TestUser SolverUser { get; private set; } = null!;
    public TestUser Judge { get; private set; } = null!;
    public TestUser SecondJudge { get; private set; } = null!;
    public TestUser Manager { get; private set; } = null!;
    public TestUser AssignedManager { get; private set; } = null!;
    public TestUser Account { get; private set; } = null!;
    /// <summary>An account the user-administration operations may lock, re-role or remove without touching the others.</summary>
    public TestUser Expendable { get; private set; } = null!;
    public Guid NotificationId { get; private set; }

    // achievements
    public Guid AchievementDraft { get; private set; }
    public Guid AchievementDisclosed { get; private set; }
    public Guid AchievementUnderReview { get; private set; }
    public Guid AchievementRegistered { get; private set; }
    public Guid AchievementAttachment { get; private set; }
    public Guid AchievementForGrant { get; private set; }
    public Guid AchievementForNewGrant { get; private set; }
    public Guid GrantSubmitted { get; private set; }
    public Guid GrantApproved { get; private set; }
    public Guid PlanDraft { get; private set; }
    public Guid PlanApproved { get; private set; }
    public Guid PlanAllocation { get; private set; }

    // patents
    public Guid Patent { get; private set; }
    public string PatentApplicationNo { get; } = NewApplicationNo();
    public Guid DeclarationDraftPatent { get; private set; }
    public Guid Pledge { get; private set; }
    public Guid PatentForDeclaration { get; private set; }
    public Guid PatentForCustody { get; private set; }
    public Guid DeclarationDraft { get; private set; }
    public Guid DeclarationSubmitted { get; private set; }
    public Guid DeclarationActive { get; private set; }
    public Guid DeclarationToLapse { get; private set; }
    public Guid DeclarationWithdrawing { get; private set; }
    public Guid LicenceGrant { get; private set; }
    public Guid Dispute { get; private set; }
    public Guid CustodyDraft { get; private set; }
    public Guid CustodyActive { get; private set; }

    // demands and challenges
    public Guid DemandDraft { get; private set; }
    public Guid DemandUnderReview { get; private set; }
    public Guid DemandPublished { get; private set; }
    public Guid DemandToClose { get; private set; }
    public Guid ChallengeAnnounced { get; private set; }
    public Guid Award { get; private set; }
    public Guid ChallengeJudging { get; private set; }
    public Guid ApplicationToScore { get; private set; }
    public Guid ChallengeOpen { get; private set; }
    public Guid ApplicationToWithdraw { get; private set; }
    public Guid ChallengeDraft { get; private set; }
    public Guid ChallengeToCancel { get; private set; }

    // contracts
    internal ContractParties Parties { get; private set; } = null!;
    public Guid ContractDraft { get; private set; }
    public Guid ContractFile { get; private set; }
    public Guid ContractSubmitted { get; private set; }
    public Guid ContractSubmittedForBulk { get; private set; }
    public Guid ContractAccepted { get; private set; }
    public Guid ContractRegistered { get; private set; }
    public Guid ContractToCancel { get; private set; }
    public Guid ContractObjected { get; private set; }
    public Guid Certification { get; private set; }
    public byte[] ContractImportTemplate { get; private set; } = [];

    // auctions: a lot before its start (bids answer 409 "not started" and store nothing), one to withdraw, one bidding, one sold
    public TestUser ExchangeUser { get; private set; } = null!;
    public TestUser AuctionBidder { get; private set; } = null!;
    public Guid AuctionScheduled { get; private set; }
    public Guid AuctionToWithdraw { get; private set; }
    public Guid AuctionBidding { get; private set; }
    public Guid AuctionSold { get; private set; }
    public Guid AuctionSoldToDefault { get; private set; }
    // exchange deals (成交): one awaiting signatures, one to annul
    public Guid DealPending { get; private set; }
    public Guid DealToAnnul { get; private set; }

    public object AuctionBody() => new
    {
        title = "锂电池缺陷检测专利转让", description = "竞价转让", objectType = "Patents", patentIds = new[] { Patent },
        consignorOrganizationId = University.Id, startingPrice = 100_000m, reservePrice = 150_000m, noReserve = false, increment = 1_000m,
        startsAt = Now.AddDays(8), endsAt = Now.AddDays(8).AddHours(2),
    };

    private async Task AuctionsAsync()
    {
        ExchangeUser = TestUser.Of(Roles.ExchangeOperator, Registry.Id, "robust-exchange");
        AuctionBidder = TestUser.Of(Roles.Enterprise, Enterprise.Id, "robust-bidder");
        AuctionScheduled = await Create(ExchangeUser, "/api/v1/auctions", AuctionBody(), "auction");
        await Post(AuctionBidder, $"/api/v1/auctions/{AuctionScheduled}/registrations", new { acceptTerms = true }, "register to bid", HttpStatusCode.Created);
        AuctionToWithdraw = await Create(ExchangeUser, "/api/v1/auctions", AuctionBody(), "auction");
        // lots announced in the past, made through the lot's own rules at past instants (the world's clock does not go back)
        (AuctionBidding, AuctionSold, AuctionSoldToDefault) = await _factory.WithDbAsync(async (db, sp) =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<TechTransfer.Exchange.Domain.Auctions.AuctionOptions>>().Value;
            TechTransfer.Exchange.Domain.Auctions.AuctionLot Past(DateTimeOffset starts) => TechTransfer.Exchange.Domain.Auctions.AuctionLot.Open(
                new("竞价标的", null, TechTransfer.Exchange.Domain.Auctions.AuctionObjectType.Patents, [Patent], University.Id, null,
                    100_000m, null, 1_000m, starts, starts.AddHours(3)), null, starts.AddDays(-8), options).Value;
            var bidding = Past(Now.AddHours(-1));
            var sold = Past(Now.AddDays(-2));
            var toDefault = Past(Now.AddDays(-2));
            foreach (var lot in new[] { bidding, sold, toDefault })
            {
                var r = TechTransfer.Exchange.Domain.Auctions.AuctionRegistration.Create(lot, AuctionBidder.UserId, Enterprise.Id, lot.Register(lot.StartsAt.AddHours(-1)).Value, lot.StartsAt.AddHours(-1));
                var d = lot.PlaceBid(AuctionBidder.UserId, Enterprise.Id, 100_000m, lot.StartsAt.AddMinutes(1), options.ExtensionWindow);
                db.Add(r);
                db.Add(TechTransfer.Exchange.Domain.Auctions.AuctionBid.Record(lot, r, 100_000m, lot.StartsAt.AddMinutes(1), d));
                db.Add(lot);
            }
            sold.CloseIfDue(sold.EffectiveCloseAt);
            toDefault.CloseIfDue(toDefault.EffectiveCloseAt);
            await db.SaveChangesAsync();
            return (bidding.Id, sold.Id, toDefault.Id);
        });
        (DealPending, DealToAnnul) = await _factory.WithDbAsync(async (db, sp) =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<TechTransfer.Exchange.Domain.Deals.DealOptions>>().Value;
            TechTransfer.Exchange.Domain.Deals.ExchangeDeal Deal(Guid lot) => TechTransfer.Exchange.Domain.Deals.ExchangeDeal.Create(Guid.NewGuid(),
                new(TechTransfer.Exchange.Domain.Deals.DealOrigin.Auction, null, lot, "竞价标的", TechTransfer.Exchange.Domain.Deals.DealObjectType.Patents,
                    [Patent], TechTransfer.Exchange.Domain.Listings.ListingDealType.Transfer, University.Id, Enterprise.Id, AuctionBidder.UserId, 100_000m,
                    TechTransfer.Exchange.Domain.Deals.DealSettlement.LumpSum, []), options, null, Now);
            var pending = Deal(AuctionSold);
            var toAnnul = Deal(AuctionSoldToDefault);
            db.AddRange(pending, toAnnul);
            await db.SaveChangesAsync();
            return (pending.Id, toAnnul.Id);
        });
    }

    public static async Task<RobustnessWorld> CreateAsync(TechTransferFactory factory)
    {
        var w = new RobustnessWorld(factory);
        await w.BuildAsync();
        return w;
    }

    private HttpClient As(TestUser user) => _factory.ClientAs(user);

    private static async Task<JsonElement> Expect(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"World set-up, {what}: expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }

    private async Task<JsonElement> Post(TestUser user, string url, object? body, string what, HttpStatusCode status = HttpStatusCode.OK) =>
        await Expect(body is null ? await As(user).PostAsync(url, null) : await As(user).PostAsJsonAsync(url, body, Web), status, what);

    private async Task<Guid> Create(TestUser user, string url, object body, string what) =>
        (await Post(user, url, body, what, HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private Task<TestUser> AccountAsync(string role, Guid? organizationId, string password = TestAccounts.Password) =>
        _factory.CreateAccountAsync(role, organizationId, password: password);

    // ------------------------------------------------------------------ bodies

    public object OrganizationBody() => new
    {
        nameZh = "上海健壮性测试科技有限公司", nameEn = "Robustness Test Co.", creditCode = TestData.NewCreditCode("310115"), kind = "Enterprise",
        entityNatureCode = "150", countryCode = "CHN", divisionCode = "310115", address = "上海市浦东新区", website = "https://example.cn",
        descriptionZh = "测试", descriptionEn = "Test",
        contacts = new[] { new { name = "王经理", title = "经理", phone = "021-55550000", email = "wang@example.cn" } },
    };

    public object Disclosure(bool confidential = false) => new
    {
        title = "基于深度学习的锂电池缺陷检测方法", titleEn = "Deep-learning defect detection for lithium batteries",
        @abstract = "利用卷积神经网络对锂电池极片进行在线缺陷检测。", abstractEn = "CNN-based online inspection of electrode sheets.",
        keywords = new[] { "锂电池", "缺陷检测" }, technicalField = "计算机科学与技术", ipcCodes = new[] { "G06N 3/08" }, ipType = "PatentApplication",
        trl = 5, fundingSource = "Fiscal", projectReferences = new[] { "国家重点研发计划 2022YFB2502000" },
        completers = new object[]
        {
            new { name = "张伟", userId = Researcher.UserId, contributionPercent = 60m },
            new { name = "李娜", userId = CoInventor.UserId, contributionPercent = 40m, holdsLeadershipPost = true },
        },
        patentApplicationNumbers = new[] { "CN202310123456.7" }, isConfidential = confidential, confidentialDetails = "烧结温度 850℃",
        namedViewerUserIds = new[] { CoInventor.UserId },
    };

    public object OwnershipGrant(Guid achievementId) => new
    {
        achievementId, grantType = "Ownership", unitSharePercent = 30m, termYears = (int?)null,
        completerShares = new object[]
        {
            new { completerName = "张伟", userId = Researcher.UserId, sharePercent = 42m },
            new { completerName = "李娜", userId = CoInventor.UserId, sharePercent = 28m },
        },
        unitIncomePercent = 30m, completerIncomePercent = 70m, incomeSplitAgreement = "转化净收入单位 30%、完成人 70%",
        decisionMechanism = "重大事项共同决策", costSharing = "维持费由完成人承担", ipMaintenanceFeeBearer = "Completers",
    };

    public object Plan(Guid achievementId) => new
    {
        achievementId, mode = "License", incomeDate = "2025-12-15", grossIncome = 1_000_000m,
        deductions = new[] { new { kind = "RelatedTaxes", description = "增值税及附加", amount = 60_000m, evidenceRef = "发票 0012" } },
        teamSharePercent = 70m,
        team = new object[]
        {
            new { name = "张伟", userId = Researcher.UserId, contributionPercent = 60m },
            new { name = "李娜", userId = CoInventor.UserId, contributionPercent = 40m, holdsLeadershipPost = true },
        },
    };

    public static string NewApplicationNo() => "CN2020" + Random.Shared.NextInt64(1_000_000, 9_999_999) + ".1";

    public object PatentBody(string? applicationNo = null) => new
    {
        applicationNo = applicationNo ?? NewApplicationNo(), publicationNo = "CN111222333B", type = "Invention", title = "一种锂电池缺陷检测方法",
        titleEn = "Battery defect detection", patenteeNames = "复旦大学", filingDate = "2020-05-10", grantAnnouncementDate = "2023-01-06",
        legalStatus = "InForce", annualFeePaidUntil = "2026-05-09", termCompensationDays = 0, ipcCodes = "G06N 3/08",
    };

    public object Declaration(Guid patentId) => new
    {
        patentId, paymentMode = "LumpSumOnce", fixedFeeYuan = 50_000m, licenseTermStart = "2026-06-01", licenseTermEnd = "2030-12-31",
        otherTerms = "许可方提供技术资料", otherTermsEn = "Technical documents provided", evaluationReportRef = "评估-001", pledgeeConsentRef = "同意-001",
    };

    public object Custody(Guid patentId) => new
    {
        agreementNo = "TG-" + Guid.NewGuid().ToString("N")[..8], subjectType = "Patent", subjectId = patentId, subjectTitle = "一种锂电池缺陷检测方法",
        operatorOrganizationId = Operator.Id, operatorName = "长三角技术转移", allowedDealTypes = new[] { "Listing", "NonExclusiveLicence" },
        priceFloorYuan = 300_000m, termStart = "2026-03-01", termEnd = "2028-02-29",
        beneficiaries = new object[] { new { name = "复旦大学", organizationId = University.Id, sharePercent = 30m }, new { name = "发明人团队", sharePercent = 70m } },
    };

    private static object Challenge(DateTimeOffset opens, int closeDays, int judgingDays, int announceDays) => new
    {
        kind = "OpenCall", title = "高精度滚珠丝杠国产化揭榜挂帅", description = "面向数控机床的 C3 级滚珠丝杠。", requirements = "12 个月内完成样件。",
        field = "高端装备", ipcCodes = new[] { "F16H 25/22" }, rewardKind = "Budget", rewardYuan = 3_000_000m, divisionCode = "320500",
        applicationOpensAt = opens, applicationClosesAt = opens.AddDays(closeDays), judgingEndsAt = opens.AddDays(judgingDays),
        announcementAt = opens.AddDays(announceDays), winnerCount = 1,
        rubric = new object[] { new { nameZh = "技术先进性", nameEn = "Technical merit", weight = 40 }, new { nameZh = "实施可行性", nameEn = "Feasibility", weight = 35 },
            new { nameZh = "团队能力", nameEn = "Team", weight = 25 } },
    };

    public object ChallengeBody() => Challenge(Now.AddDays(1), 30, 45, 50);

    public object ContractBody() => ContractTestSupport.DraftRequest(Parties, achievementIds: [AchievementRegistered]);

    /// <summary>A full contract draft: payment, licence, IP references and non-technical items filled, so each is walked.</summary>
    public JsonNode FullContractBody()
    {
        var json = JsonSerializer.SerializeToNode(ContractBody(), Web)!.AsObject();
        json["category"] = "Licensing";
        json["subType"] = "PatentLicense";
        json["payment"] = JsonSerializer.SerializeToNode(new
        {
            mode = "LumpSumInstallments", royaltyBase = "SalesRevenue", royaltyRate = 0.05m, royaltyRateSchedule = "Fixed", entryFee = 10_000m,
            installments = new object[] { new { dueDate = "2026-06-30", amount = 500_000m }, new { dueDate = "2026-12-31", amount = 500_000m } },
        }, Web);
        json["licence"] = JsonSerializer.SerializeToNode(new { scope = "NonExclusive", territory = "中国大陆", termFrom = "2026-03-01", termTo = "2028-02-29" }, Web);
        json["ipRefs"] = JsonSerializer.SerializeToNode(new object[]
        {
            new { kind = "Patent", disposition = "Licensed", title = "一种锂电池缺陷检测方法", holder = "复旦大学", filingDate = "2020-05-10",
                applicationNo = "CN202010123456.1", patentNo = "ZL202010123456.1", validUntil = "2040-05-09" },
        }, Web);
        json["nonTechnicalItems"] = JsonSerializer.SerializeToNode(new object[]
            { new { kind = "Equipment", description = "检测设备", amount = 50_000m, quantity = 1, isReasonableQuantityCarrier = false } }, Web);
        return json;
    }

    public object CertificationBody() => new
    {
        periodFrom = "2026-02-20", periodTo = Today, amountReceived = 300_000m,
        nonTechnicalItems = new object[] { new { kind = "Equipment", description = "检测设备", amount = 50_000m, quantity = 1, isReasonableQuantityCarrier = false } },
        note = "按银行回单核定",
    };

    public static MultipartFormDataContent PdfUpload(string fileName, params (string Name, string Value)[] fields)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", fileName);
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        return content;
    }

    // ------------------------------------------------------------------ set-up

    private async Task BuildAsync()
    {
        University = await _factory.CreateOrganizationAsync(OrganizationKind.University, "022", "310110");
        Enterprise = await _factory.CreateOrganizationAsync(OrganizationKind.Enterprise, "150", "320102");
        Registry = await _factory.CreateOrganizationAsync(OrganizationKind.RegistrationOffice, "024", "310104");
        Operator = await _factory.CreateOrganizationAsync(OrganizationKind.TransferInstitution, "150", "310115");
        JudgeOrg = await _factory.CreateOrganizationAsync(OrganizationKind.University, "022", "310110");
        Solver = await _factory.CreateOrganizationAsync(OrganizationKind.University, "022", "310110");

        Admin = TestUser.Of(Roles.PlatformAdmin, null, "robust-admin");
        Office = TestUser.Of(Roles.InstitutionAdmin, University.Id, "robust-office");
        Researcher = await AccountAsync(Roles.Researcher, University.Id);
        CoInventor = await AccountAsync(Roles.Researcher, University.Id);
        EnterpriseUser = TestUser.Of(Roles.Enterprise, Enterprise.Id, "robust-enterprise");
        Registrar = TestUser.Of(Roles.Registrar, Registry.Id, "robust-registrar");
        OperatorUser = TestUser.Of(Roles.TechManager, Operator.Id, "robust-operator");
        SolverUser = TestUser.Of(Roles.InstitutionAdmin, Solver.Id, "robust-solver");
        Judge = await AccountAsync(Roles.Researcher, JudgeOrg.Id);
        SecondJudge = await AccountAsync(Roles.Researcher, JudgeOrg.Id);
        Manager = await AccountAsync(Roles.TechManager, Operator.Id);
        AssignedManager = await AccountAsync(Roles.TechManager, Operator.Id);
        Account = await AccountAsync(Roles.Enterprise, Enterprise.Id);
        Expendable = await AccountAsync(Roles.Enterprise, Enterprise.Id);
        Parties = new ContractParties(University, Enterprise, Registry, Office, EnterpriseUser, Registrar);

        await ChallengesAsync(); // first: they move the clock forward
        await AchievementsAsync();
        await PatentsAsync();
        await DemandsAsync();
        await ContractsAsync();
        await ListingsAsync();
        await AuctionsAsync();

        await using (var store = await StoreSnapshot.OpenAsync(_factory))
            Assert.True((await store.SettledAsync(TimeSpan.FromSeconds(60))).Drained, "World set-up: the search outbox did not drain");
        await Post(Admin, $"/api/v1/demands/{DemandPublished}/managers", new { userId = AssignedManager.UserId }, "assign a demand manager", HttpStatusCode.Created);
        await Post(Office, $"/api/v1/achievements/{AchievementRegistered}/managers", new { userId = AssignedManager.UserId }, "assign an achievement manager", HttpStatusCode.Created);
        NotificationId = await _factory.WithDbAsync(async (db, _) =>
        {
            var n = Notification.ToUser(Account.UserId, "健壮性测试通知", "Robustness test notice", "/", Now);
            db.Add(n);
            await db.SaveChangesAsync();
            return n.Id;
        });
    }

    private async Task ChallengesAsync()
    {
        var owner = EnterpriseUser;
        var start = Now;
        // announced: opens now, closes in 30 days, judging ends in 45
        ChallengeAnnounced = await Create(owner, "/api/v1/challenges", Challenge(start, 30, 45, 50), "challenge to announce");
        await Post(owner, $"/api/v1/challenges/{ChallengeAnnounced}/judges", new { userName = Judge.Name }, "judge");
        await Post(owner, $"/api/v1/challenges/{ChallengeAnnounced}/publish", null, "publish");
        var winning = await Create(SolverUser, $"/api/v1/challenges/{ChallengeAnnounced}/applications", DemandsApi.Proposal(), "application");
        // judging at the end of set-up: closes in 40 days, judging until 60
        ChallengeJudging = await Create(owner, "/api/v1/challenges", Challenge(start, 40, 60, 65), "challenge to judge");
        await Post(owner, $"/api/v1/challenges/{ChallengeJudging}/judges", new { userName = Judge.Name }, "judge");
        await Post(owner, $"/api/v1/challenges/{ChallengeJudging}/publish", null, "publish");
        ApplicationToScore = await Create(SolverUser, $"/api/v1/challenges/{ChallengeJudging}/applications", DemandsApi.Proposal(), "application");

        _factory.Clock.SetUtcNow(start.AddDays(31));
        await As(Judge).PutAsJsonAsync($"/api/v1/challenges/{ChallengeAnnounced}/applications/{winning}/scores",
            new { scores = new Dictionary<string, decimal> { ["c1"] = 9, ["c2"] = 8, ["c3"] = 8 } }).ContinueWith(t => Expect(t.Result, HttpStatusCode.OK, "score")).Unwrap();
        _factory.Clock.SetUtcNow(start.AddDays(46));
        var awards = await Post(owner, $"/api/v1/challenges/{ChallengeAnnounced}/awards", null, "announce");
        Award = awards[0].GetProperty("id").GetGuid();

        ChallengeOpen = await Create(owner, "/api/v1/challenges", Challenge(Now, 30, 45, 50), "open challenge");
        await Post(owner, $"/api/v1/challenges/{ChallengeOpen}/judges", new { userName = Judge.Name }, "judge");
        await Post(owner, $"/api/v1/challenges/{ChallengeOpen}/publish", null, "publish");
        ApplicationToWithdraw = await Create(SolverUser, $"/api/v1/challenges/{ChallengeOpen}/applications", DemandsApi.Proposal(), "application");
        ChallengeDraft = await Create(owner, "/api/v1/challenges", ChallengeBody(), "draft challenge");
        await Post(owner, $"/api/v1/challenges/{ChallengeDraft}/judges", new { userName = Judge.Name }, "judge");
        ChallengeToCancel = await Create(owner, "/api/v1/challenges", ChallengeBody(), "challenge to cancel");
    }

    private async Task<Guid> AchievementAsync(string until, bool withAttachment = false)
    {
        var id = await Create(Researcher, "/api/v1/achievements", Disclosure(), "achievement");
        if (withAttachment)
        {
            var r = await Expect(await As(Researcher).PostAsync($"/api/v1/achievements/{id}/attachments", PdfUpload("技术说明.pdf")), HttpStatusCode.OK, "attachment");
            AchievementAttachment = r.GetProperty("attachments")[0].GetProperty("id").GetGuid();
        }
        if (until == "draft") return id;
        await Post(Researcher, $"/api/v1/achievements/{id}/disclose", null, "disclose");
        if (until == "disclosed") return id;
        await Post(Office, $"/api/v1/achievements/{id}/start-review", null, "start review");
        if (until == "review") return id;
        await Post(Office, $"/api/v1/achievements/{id}/register", new { reason = "符合登记条件" }, "register");
        return id;
    }

    private async Task AchievementsAsync()
    {
        AchievementDraft = await AchievementAsync("draft");
        AchievementDisclosed = await AchievementAsync("disclosed");
        AchievementUnderReview = await AchievementAsync("review");
        AchievementRegistered = await AchievementAsync("registered", withAttachment: true);
        AchievementForGrant = await AchievementAsync("registered");
        AchievementForNewGrant = await AchievementAsync("registered");

        GrantSubmitted = await Create(Office, "/api/v1/rights-grants", OwnershipGrant(AchievementRegistered), "rights grant");
        GrantApproved = await Create(Office, "/api/v1/rights-grants", OwnershipGrant(AchievementForGrant), "rights grant");
        await Post(Office, $"/api/v1/rights-grants/{GrantApproved}/approve", new { reason = "同意" }, "approve grant");

        PlanDraft = await Create(Office, "/api/v1/income-distributions", Plan(AchievementRegistered), "plan");
        PlanApproved = await Create(Office, "/api/v1/income-distributions", Plan(AchievementRegistered), "plan");
        var approved = await Post(Office, $"/api/v1/income-distributions/{PlanApproved}/approve", null, "approve plan");
        PlanAllocation = approved.GetProperty("allocations")[0].GetProperty("id").GetGuid();
    }

    private async Task<Guid> DeclarationAsync(string until)
    {
        var patent = await Create(Office, "/api/v1/patents", PatentBody(), "patent");
        var id = await Create(Office, "/api/v1/open-licenses", Declaration(patent), "declaration");
        if (until == "draft")
        {
            DeclarationDraftPatent = patent;
            return id;
        }
        await Post(Office, $"/api/v1/open-licenses/{id}/submit", null, "submit declaration");
        if (until == "submitted") return id;
        await Post(Office, $"/api/v1/open-licenses/{id}/announcement", new { announcementNo = "CN-OL-" + Guid.NewGuid().ToString("N")[..6], announcementDate = Today }, "announce");
        if (until == "active") return id;
        await Post(Office, $"/api/v1/open-licenses/{id}/withdraw", null, "withdraw declaration");
        return id;
    }

    private async Task PatentsAsync()
    {
        Patent = await Create(Office, "/api/v1/patents", PatentBody(PatentApplicationNo), "patent");
        var pledged = await Post(Office, $"/api/v1/patents/{Patent}/pledges", new { pledgee = "上海银行", registeredOn = "2025-06-01", securedAmountYuan = 1_000_000m }, "pledge");
        Pledge = pledged.GetProperty("pledges")[0].GetProperty("id").GetGuid();
        PatentForDeclaration = await Create(Office, "/api/v1/patents", PatentBody(), "patent");
        PatentForCustody = await Create(Office, "/api/v1/patents", PatentBody(), "patent");

        DeclarationDraft = await DeclarationAsync("draft");
        DeclarationSubmitted = await DeclarationAsync("submitted");
        DeclarationActive = await DeclarationAsync("active");
        DeclarationToLapse = await DeclarationAsync("active");
        DeclarationWithdrawing = await DeclarationAsync("withdrawing");
        LicenceGrant = await Create(EnterpriseUser, $"/api/v1/open-licenses/{DeclarationActive}/grants",
            new { licenseeName = "绿能电池", writtenNoticeRef = "通知-001", noticeDate = Today }, "take licence");
        var disputed = await Post(EnterpriseUser, $"/api/v1/open-licenses/{DeclarationActive}/grants/{LicenceGrant}/disputes",
            new { channel = "CnipaMediation", summary = "费用争议" }, "dispute");
        Dispute = disputed.GetProperty("disputes")[0].GetProperty("id").GetGuid();

        var custodyPatent = await Create(Office, "/api/v1/patents", PatentBody(), "patent");
        CustodyDraft = await Create(Office, "/api/v1/custody-agreements", Custody(custodyPatent), "custody");
        var activePatent = await Create(Office, "/api/v1/patents", PatentBody(), "patent");
        CustodyActive = await Create(Office, "/api/v1/custody-agreements", Custody(activePatent), "custody");
        await Post(OperatorUser, $"/api/v1/custody-agreements/{CustodyActive}/activate", null, "activate custody");
    }

    private async Task<Guid> DemandAsync(string until)
    {
        var id = await Create(EnterpriseUser, "/api/v1/demands", DemandsApi.DemandBody(Now), "demand");
        if (until == "draft") return id;
        await Post(EnterpriseUser, $"/api/v1/demands/{id}/submit", null, "submit demand");
        if (until == "review") return id;
        await Post(Admin, $"/api/v1/demands/{id}/approve", new { comment = "准予发布" }, "approve demand");
        return id;
    }

    private async Task DemandsAsync()
    {
        DemandDraft = await DemandAsync("draft");
        DemandUnderReview = await DemandAsync("review");
        DemandPublished = await DemandAsync("published");
        DemandToClose = await DemandAsync("published");
    }

    private async Task<Guid> ContractAsync(string until)
    {
        var id = await Create(Office, "/api/v1/contracts", ContractBody(), "contract");
        await Post(Office, $"/api/v1/contracts/{id}/attachments", new { kind = "ContractText", fileName = "合同.pdf", contentType = "application/pdf", sizeBytes = 1000 }, "attachment");
        if (until == "draft") return id;
        await Post(Office, $"/api/v1/contracts/{id}/submit", null, "submit contract");
        if (until == "submitted") return id;
        await Post(Registrar, $"/api/v1/contracts/{id}/accept", null, "accept contract");
        if (until == "accepted") return id;
        await Post(Registrar, $"/api/v1/contracts/{id}/register", new { }, "register contract");
        return id;
    }

    private async Task ContractsAsync()
    {
        ContractDraft = await ContractAsync("draft");
        var uploaded = await Expect(await As(Office).PostAsync($"/api/v1/contracts/{ContractDraft}/attachments/files",
            PdfUpload("合同文本.pdf", ("kind", "ContractText"))), HttpStatusCode.OK, "contract file");
        ContractFile = uploaded.GetProperty("attachments").EnumerateArray()
            .Single(a => a.TryGetProperty("storageKey", out var k) && k.ValueKind == JsonValueKind.String).GetProperty("id").GetGuid();
        ContractSubmitted = await ContractAsync("submitted");
        ContractSubmittedForBulk = await ContractAsync("submitted");
        ContractAccepted = await ContractAsync("accepted");
        ContractRegistered = await ContractAsync("registered");
        ContractToCancel = await ContractAsync("registered");
        ContractObjected = await ContractAsync("registered");
        await Post(EnterpriseUser, $"/api/v1/contracts/{ContractObjected}/objections", new { text = "金额有误" }, "objection");
        Certification = await Create(Registrar, $"/api/v1/contracts/{ContractRegistered}/income-certifications", CertificationBody(), "income certification");
        var template = await As(Office).GetAsync("/api/v1/contracts/import/template");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        ContractImportTemplate = await template.Content.ReadAsByteArrayAsync();
    }
}
