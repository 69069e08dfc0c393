using Microsoft.Extensions.Options;
using TechTransfer.Contracts.Data;
using TechTransfer.Contracts.Domain;
using TechTransfer.Contracts.Domain.Calendar;
using TechTransfer.Contracts.Features.Statistics;
using TechTransfer.Data;
using TechTransfer.Platform;

namespace TechTransfer.Contracts.Features;

/// <summary>
/// Demo contracts in every registration state, plus a year of registered contracts for the statistics page
/// (sellers are Shanghai universities/institutes/hospitals; buyers in Shanghai, Jiangsu, Zhejiang, Anhui and abroad).
/// </summary>
internal sealed class ContractDemoData(TechTransferDbContext db, ContractRuleSetCatalog catalog, HolidayCalendar calendar,
    IOptions<ContractsOptions> options, ContractStatisticsStore statistics) : IDemoDataSeeder
{
    public int Order => 40;

    private sealed record DemoParty(string Key, string Name, string Nature, string Country, string? Division);

    private static readonly DemoParty[] Sellers =
    [
        new("fudan", "复旦大学", "022", "CHN", "310110"),
        new("sjtu", "上海交通大学", "022", "CHN", "310104"),
        new("tongji", "同济大学", "022", "CHN", "310110"),
        new("ecust", "华东理工大学", "022", "CHN", "310104"),
        new("sioc", "中国科学院上海有机化学研究所", "021", "CHN", "310104"),
        new("simit", "中国科学院上海微系统与信息技术研究所", "021", "CHN", "310105"),
        new("ruijin", "上海交通大学医学院附属瑞金医院", "023", "CHN", "310101"),
    ];

    private static readonly DemoParty[] Buyers =
    [
        new("zhixin", "上海智芯微电子科技有限公司（示例）", "150", "CHN", "310115"),
        new("lvneng", "上海绿能电池材料有限公司（示例）", "170", "CHN", "310112"),
        new("jinggong", "苏州精工丝杠传动有限公司（示例）", "150", "CHN", "320500"),
        new("yuntu", "杭州云图数据科技有限公司（示例）", "160", "CHN", "330100"),
        new("hefei", "合肥量子视觉科技有限公司（示例）", "150", "CHN", "340100"),
    ];

    private static readonly string[] Fields = ["电子信息", "先进制造", "生物医药", "新材料", "新能源", "节能环保"];

    private static readonly (string Zh, ContractCategory Cat, ContractSubType Sub)[] Projects =
    [
        ("低功耗传感芯片设计技术开发", ContractCategory.Development, ContractSubType.Commissioned),
        ("锂电池正极材料制备工艺专利转让", ContractCategory.Transfer, ContractSubType.PatentAssignment),
        ("工业视觉缺陷检测算法专利实施许可", ContractCategory.Licensing, ContractSubType.PatentLicense),
        ("滚珠丝杠精度检测技术咨询", ContractCategory.Consulting, ContractSubType.None),
        ("量子精密测量仪器校准技术服务", ContractCategory.Service, ContractSubType.GeneralService),
        ("有机合成催化剂合作开发", ContractCategory.Development, ContractSubType.Cooperative),
        ("医疗器械注册检验技术培训", ContractCategory.Service, ContractSubType.Training),
        ("电池回收湿法冶金技术秘密转让", ContractCategory.Transfer, ContractSubType.TechnicalSecretTransfer),
    ];

    public async Task SeedAsync(DemoDataContext context, CancellationToken ct)
    {
        var o = options.Value;
        var rnd = context.Random;
        var serials = new Dictionary<int, RegistrationSerial>();
        var n = 0;

        TechnologyContract? Make(DemoParty seller, DemoParty buyer, int projectIndex, decimal amount, DateTimeOffset submitAt, bool withDocs = true)
        {
            var (name, cat, sub) = Projects[projectIndex % Projects.Length];
            var signed = ChinaTime.Today(submitAt).AddDays(-7);
            var details = new ContractDetails
            {
                ProjectName = $"{name}（{++n:000}）",
                Category = cat, SubType = sub, SignedDate = signed, ValidFrom = signed, ValidTo = signed.AddYears(2),
                Parties =
                [
                    new PartyInput(PartyRole.Seller, seller.Name, Code(seller), seller.Nature, seller.Country, seller.Division, Org(context, seller.Key)),
                    new PartyInput(PartyRole.Buyer, buyer.Name, Code(buyer), buyer.Nature, buyer.Country, buyer.Division, Org(context, buyer.Key)),
                ],
                TotalAmount = amount,
                NonTechnicalItems = amount > 2_000_000m ? [new NonTechnicalItem(NonTechnicalItemKind.Equipment, "配套设备", Math.Round(amount * 0.1m, 2), 1, false)] : [],
                Payment = cat == ContractCategory.Licensing
                    ? new PaymentTerms(PaymentMode.EntryFeePlusRoyalty, RoyaltyBase.SalesRevenue, 0.03m, RoyaltyRateSchedule.Fixed, Math.Round(amount * 0.2m, 2))
                    : new PaymentTerms(PaymentMode.LumpSumOnce),
                IpRefs = cat is ContractCategory.Licensing or ContractCategory.Transfer && sub != ContractSubType.TechnicalSecretTransfer
                    ? [new IpReference(IpKind.Patent, cat == ContractCategory.Licensing ? IpDisposition.Licensed : IpDisposition.Assigned, name, seller.Name,
                        signed.AddYears(-3), $"CN20211{n:0000000}.X", $"ZL20211{n:0000000}.X", signed.AddYears(17))]
                    : [],
                Licence = cat == ContractCategory.Licensing ? new LicenceTerms(LicenseScope.NonExclusive, "中国大陆", signed, signed.AddYears(2)) : null,
                ExpectedNewInvestment = cat == ContractCategory.Transfer ? amount * 2 : null,
                ExpectedNewOutput = cat == ContractCategory.Transfer ? amount * 5 : null,
                TechnicalField = Fields[projectIndex % Fields.Length],
            };
            var owner = Org(context, seller.Key) ?? Guid.Empty;
            var r = TechnologyContract.Draft(details, owner, null, submitAt.AddDays(-2), catalog);
            if (r.IsFailure) return null;
            var c = r.Value;
            c.AddAttachment(new AttachmentInfo(AttachmentKind.ContractText, "合同文本.pdf", "application/pdf", 245_000, null, submitAt.AddDays(-2)), submitAt.AddDays(-2));
            if (withDocs)
            {
                c.AddAttachment(new AttachmentInfo(AttachmentKind.TechnicalIncomeAssessmentForm, "技术性收入核定表.pdf", "application/pdf", 80_000, null, submitAt.AddDays(-2)), submitAt.AddDays(-2));
                c.AddAttachment(new AttachmentInfo(AttachmentKind.Undertaking, "承诺书.pdf", "application/pdf", 40_000, null, submitAt.AddDays(-2)), submitAt.AddDays(-2));
            }
            db.Add(c);
            return c;
        }

        bool Submit(TechnologyContract c, DateTimeOffset at) => c.Submit(c.OwnerOrganizationId, null, at, catalog).IsSuccess;
        bool Accept(TechnologyContract c, DateTimeOffset at) => c.Accept(o.RegistryOfficeId, context.Users.GetValueOrDefault("registrar"), at, catalog, calendar).IsSuccess;

        async Task<bool> Register(TechnologyContract c, DateTimeOffset at)
        {
            var year = ChinaTime.Today(at).Year;
            if (!serials.TryGetValue(year, out var s))
            {
                s = new RegistrationSerial(year, o.OfficeDivisionCode);
                db.Add(s);
                serials[year] = s;
            }
            if (c.IsLargeContract) c.SendToExpertReview("专家评审通过", null, at.AddDays(-1));
            var layout = new RegistrationNumberLayout(o.RegistrationNumberLayout);
            var ok = c.Register(c.DeclaredTechTransactionAmount, o.OfficeDivisionCode, new Issuer(layout, s), context.Users.GetValueOrDefault("registrar"), at, catalog).IsSuccess;
            if (ok) await statistics.ApplyAsync(null, ContractStatisticsFacts.From(c), ct);
            return ok;
        }

        var now = context.Now;
        // A year of registered contracts for the statistics (heavy-tailed amounts).
        for (var i = 0; i < 48; i++)
        {
            var at = now.AddDays(-365 + i * 7 + rnd.Next(0, 5));
            var amount = Math.Round((decimal)Math.Exp(rnd.NextDouble() * 5 + 11), 2); // ≈ 60 千元 – 9 百万元
            var c = Make(Sellers[rnd.Next(Sellers.Length)], Buyers[rnd.Next(Buyers.Length)], rnd.Next(Projects.Length), amount, at);
            if (c is null || !Submit(c, at) || !Accept(c, at.AddDays(1))) continue;
            await Register(c, at.AddDays(6));
        }

        var fudan = Sellers[0];
        var sjtu = Sellers[1];
        // Every state of §2.3, recent, so the workbench has a queue.
        Make(fudan, Buyers[0], 0, 680_000m, now.AddDays(-1));                                           // Draft
        var submitted = Make(sjtu, Buyers[2], 2, 1_200_000m, now.AddDays(-1));                        // Submitted
        if (submitted is not null) Submit(submitted, now.AddDays(-1));
        var accepted = Make(fudan, Buyers[3], 4, 450_000m, now.AddDays(-4));                          // Accepted
        if (accepted is not null && Submit(accepted, now.AddDays(-4))) Accept(accepted, now.AddDays(-3));
        var overdue = Make(sjtu, Buyers[4], 3, 300_000m, now.AddDays(-40), withDocs: false);           // Accepted, overdue
        if (overdue is not null && Submit(overdue, now.AddDays(-40))) Accept(overdue, now.AddDays(-39));
        var supplement = Make(fudan, Buyers[1], 1, 900_000m, now.AddDays(-6), withDocs: false);        // SupplementRequested
        if (supplement is not null && Submit(supplement, now.AddDays(-6)) && Accept(supplement, now.AddDays(-5)))
            supplement.RequestSupplement("请补充技术性收入核定表和承诺书", null, now.AddDays(-4));
        var large = Make(sjtu, Buyers[0], 0, 8_800_000m, now.AddDays(-8));                            // ExpertReview
        if (large is not null && Submit(large, now.AddDays(-8)) && Accept(large, now.AddDays(-7)))
            large.SendToExpertReview("重大合同，组织专家评审", null, now.AddDays(-6));
        var rejected = Make(fudan, Buyers[2], 3, 150_000m, now.AddDays(-20));                         // Rejected
        if (rejected is not null && Submit(rejected, now.AddDays(-20)) && Accept(rejected, now.AddDays(-19)))
            rejected.Reject(RejectionReason.NotTechnologyContract, null, null, now.AddDays(-15));
        var changed = Make(fudan, Buyers[3], 5, 2_400_000m, now.AddDays(-60));                        // ChangeRegistered
        if (changed is not null && Submit(changed, now.AddDays(-60)) && Accept(changed, now.AddDays(-59)) && await Register(changed, now.AddDays(-55)))
        {
            var before = ContractStatisticsFacts.From(changed);
            changed.ChangeRegistration(new ContractChange("双方签订补充协议，增加合同金额", TotalAmount: 2_600_000m, AssessedTechTransactionAmount: 2_340_000m), null, now.AddDays(-10), catalog);
            await statistics.ApplyAsync(before, ContractStatisticsFacts.From(changed), ct);
        }
        var cancelled = Make(sjtu, Buyers[1], 6, 200_000m, now.AddDays(-90));                         // Cancelled
        if (cancelled is not null && Submit(cancelled, now.AddDays(-90)) && Accept(cancelled, now.AddDays(-89)) && await Register(cancelled, now.AddDays(-85)))
        {
            var before = ContractStatisticsFacts.From(cancelled);
            cancelled.Cancel("合同已解除", null, now.AddDays(-30));
            await statistics.ApplyAsync(before, null, ct);
        }
        var revoked = Make(fudan, Buyers[4], 7, 500_000m, now.AddDays(-100));                         // Revoked
        if (revoked is not null && Submit(revoked, now.AddDays(-100)) && Accept(revoked, now.AddDays(-99)) && await Register(revoked, now.AddDays(-95)))
        {
            var before = ContractStatisticsFacts.From(revoked);
            revoked.Revoke(RevocationReason.DuplicateRegistration, null, null, now.AddDays(-20));
            await statistics.ApplyAsync(before, null, ct);
        }
        var objected = Make(sjtu, Buyers[2], 2, 760_000m, now.AddDays(-50));                          // ObjectionFiled
        if (objected is not null && Submit(objected, now.AddDays(-50)) && Accept(objected, now.AddDays(-49)) && await Register(objected, now.AddDays(-45)))
            objected.FileObjection(objected.OwnerOrganizationId, "核定技术交易额低于合同约定，申请复核", null, now.AddDays(-5));
        var resolved = Make(fudan, Buyers[0], 4, 330_000m, now.AddDays(-70));                         // ObjectionResolved
        if (resolved is not null && Submit(resolved, now.AddDays(-70)) && Accept(resolved, now.AddDays(-69)) && await Register(resolved, now.AddDays(-65))
            && resolved.FileObjection(resolved.OwnerOrganizationId, "合同类别应为技术服务", null, now.AddDays(-40)).IsSuccess)
            resolved.ResolveObjection(ObjectionOutcome.Dismissed, "经复核，原认定无误", null, now.AddDays(-35));
        var import = Make(new DemoParty("boston", "Boston Lab Instruments Inc. (demo)", "300", "USA", null), Buyers[0], 1, 1_500_000m, now.AddDays(-2));
        // technology import: the domestic buyer (zhixin) submits (R2.8)
        if (import is not null && Org(context, "zhixin") is { } zhixin) import.Submit(zhixin, null, now.AddDays(-2), catalog);

        await statistics.SaveChangesAsync(ct);
    }

    private sealed class Issuer(RegistrationNumberLayout layout, RegistrationSerial serial) : IRegistrationNumberIssuer
    {
        public string Next(int year, string officeDivisionCode) => layout.Format(year, officeDivisionCode, serial.Next());
    }

    private static Guid? Org(DemoDataContext context, string key) => context.Organizations.TryGetValue(key, out var id) ? id : null;

    private static string? Code(DemoParty p)
    {
        if (p.Country != Countries.China) return null;
        var hash = (uint)p.Key.Aggregate(23, (h, c) => unchecked(h * 31 + c));
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var body = new char[9];
        for (var i = 0; i < 9; i++) { body[i] = alphabet[(int)(hash % 31)]; hash = hash / 31 + (uint)(i * 7919); }
        var prefix = p.Nature.StartsWith('0') ? "12" : "91";
        return UnifiedSocialCreditCode.WithCheckCharacter(prefix + p.Division + new string(body));
    }
}
