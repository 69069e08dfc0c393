using TechTransfer.SharedKernel.Time;
using TechTransfer.SharedKernel;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using TechTransfer.Contracts.Data;
using TechTransfer.Contracts.Domain;
using TechTransfer.Contracts.Domain.Calendar;
using TechTransfer.Contracts.Features.Attachments;
using TechTransfer.Contracts.Features.Statistics;
using TechTransfer.Data;
using TechTransfer.Platform;

namespace TechTransfer.Contracts.Features;

/// <summary>
/// Demo contracts in every registration state, plus a year of registered contracts for the statistics page
/// (sellers are Shanghai universities/institutes/hospitals; buyers in Shanghai, Jiangsu, Zhejiang, Anhui and abroad).
/// The contracts of the workbench states carry real attachment files (contract text, 技术性收入核定表, 承诺书 as Chinese
/// PDFs under the attachment root, with size and SHA-256; the older statistics contracts list theirs as filed on paper), and
/// four of the earliest registered contracts have technology income certifications (技术性收入核定), two of them for two
/// periods. Runs once, on an empty database (<c>DatabaseInitializer.SeedDemoAsync</c>); the files it wrote are removed
/// again if the save fails, so a failed seed leaves no trace and can be run again.
/// </summary>
internal sealed class ContractDemoData(TechTransferDbContext db, ContractRuleSetCatalog catalog, HolidayCalendar calendar,
    IOptions<ContractsOptions> options, ContractStatisticsStore statistics, StorageOptions storage) : IDemoDataSeeder
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
        var root = ContractAttachmentService.RootOf(storage, o.Attachments);
        var written = new List<string>();

        AttachmentInfo Stored(TechnologyContract c, AttachmentKind kind, string fileName, byte[] content, DateTimeOffset at)
        {
            var id = Guid.NewGuid();
            var key = ContractAttachmentService.KeyOf(c.Id, id);
            var path = Path.Combine(root, key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, content);
            written.Add(path);
            return new AttachmentInfo(kind, fileName, "application/pdf", content.Length, Convert.ToHexStringLower(SHA256.HashData(content)), at, id, key);
        }

        TechnologyContract? Make(DemoParty seller, DemoParty buyer, int projectIndex, decimal amount, DateTimeOffset submitAt, bool withDocs = true, bool files = false)
        {
            var (name, cat, sub) = Projects[projectIndex % Projects.Length];
            var signed = BusinessTime.DateOf(submitAt).AddDays(-7);
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
            var filed = submitAt.AddDays(-2);
            if (!files)
            {
                c.AddAttachment(new AttachmentInfo(AttachmentKind.ContractText, "合同文本.pdf", "application/pdf", 245_000, null, filed), filed);
                if (withDocs)
                {
                    c.AddAttachment(new AttachmentInfo(AttachmentKind.TechnicalIncomeAssessmentForm, "技术性收入核定表.pdf", "application/pdf", 80_000, null, filed), filed);
                    c.AddAttachment(new AttachmentInfo(AttachmentKind.Undertaking, "承诺书.pdf", "application/pdf", 40_000, null, filed), filed);
                }
            }
            else
            {
                var (catZh, _) = ContractCategories.Label(cat);
                var money = amount.ToString("N2", CultureInfo.InvariantCulture) + " 元";
                c.AddAttachment(Stored(c, AttachmentKind.ContractText, $"技术合同文本-{n:000}.pdf", DemoDocumentPdf.Render("技术合同书", $"{catZh}合同 · 合同文本",
                [
                    ("项目名称", details.ProjectName), ("卖方（受托方/让与方）", seller.Name), ("买方（委托方/受让方）", buyer.Name),
                    ("合同类别", catZh), ("合同金额", money), ("签订日期", signed.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)),
                    ("有效期", $"{details.ValidFrom:yyyy-MM-dd} 至 {details.ValidTo:yyyy-MM-dd}"),
                ],
                [
                    "第一条 卖方按本合同约定完成技术工作并交付技术资料，买方按约定支付价款。",
                    "第二条 技术成果的知识产权归属、后续改进成果的分享办法按附件约定执行。",
                    "第三条 双方对履行本合同所知悉的技术秘密负有保密义务，保密期限至合同终止后五年。",
                    "第四条 因本合同发生的争议，双方协商解决；协商不成的，提交上海仲裁委员会仲裁。",
                ]), filed), filed);
                if (withDocs)
                {
                    c.AddAttachment(Stored(c, AttachmentKind.TechnicalIncomeAssessmentForm, "技术性收入核定表.pdf", DemoDocumentPdf.Render("技术性收入核定表", "申报单位填写",
                    [
                        ("项目名称", details.ProjectName), ("申报单位", seller.Name), ("合同成交额", money),
                        ("非技术性款项", details.NonTechnicalItems.Count == 0 ? "无" : string.Join("；", details.NonTechnicalItems.Select(x => $"{x.Description} {x.Amount.ToString("N2", CultureInfo.InvariantCulture)} 元"))),
                        ("申报技术交易额", c.DeclaredTechTransactionAmount.ToString("N2", CultureInfo.InvariantCulture) + " 元"),
                    ],
                    ["本表所列技术性收入按《技术合同认定规则》计算，非技术性款项已如实扣除。"]), filed), filed);
                    c.AddAttachment(Stored(c, AttachmentKind.Undertaking, "承诺书.pdf", DemoDocumentPdf.Render("承诺书", "技术合同认定登记",
                    [("承诺单位", seller.Name), ("项目名称", details.ProjectName)],
                    [
                        "本单位承诺：所提交的技术合同及相关材料真实、完整、有效，合同内容不存在虚假、重复登记等情形。",
                        "如有不实，本单位愿意承担由此产生的一切法律责任，并接受撤销登记的处理。",
                    ]), filed), filed);
                }
            }
            db.Add(c);
            return c;
        }

        bool Submit(TechnologyContract c, DateTimeOffset at) => c.Submit(c.OwnerOrganizationId, null, at, catalog).IsSuccess;
        bool Accept(TechnologyContract c, DateTimeOffset at) => c.Accept(o.RegistryOfficeId, context.Users.GetValueOrDefault("registrar"), at, catalog, calendar).IsSuccess;

        async Task<bool> Register(TechnologyContract c, DateTimeOffset at)
        {
            var year = BusinessTime.DateOf(at).Year;
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
        var registered = new List<TechnologyContract>();
        // A year of registered contracts for the statistics (heavy-tailed amounts).
        for (var i = 0; i < 48; i++)
        {
            var at = now.AddDays(-365 + i * 7 + rnd.Next(0, 5));
            var amount = Math.Round((decimal)Math.Exp(rnd.NextDouble() * 5 + 11), 2); // ≈ 60 千元 – 9 百万元
            var c = Make(Sellers[rnd.Next(Sellers.Length)], Buyers[rnd.Next(Buyers.Length)], rnd.Next(Projects.Length), amount, at);
            if (c is null || !Submit(c, at) || !Accept(c, at.AddDays(1))) continue;
            if (await Register(c, at.AddDays(6))) registered.Add(c);
        }

        // 技术性收入核定 for four of the earliest registered contracts: income received after signing, the equipment
        // delivered under the larger ones deducted (R2.1), one prototype kept as a reasonable-quantity carrier (R2.2).
        var registrar = context.Users.GetValueOrDefault("registrar");
        var today = BusinessTime.DateOf(now);
        var certified = 0;
        foreach (var c in registered.Where(c => c.IsEffectivelyRegistered && !c.CorrectionPending && c.SignedDate.AddDays(200) < today).OrderBy(c => c.SignedDate).Take(4))
        {
            // the contract's instalments (40 %, 35 %, the rest), split at the fen so they add up to the total exactly
            var instalments = Yuan.Allocate(c.RegisterableAmount, [40m, 35m, 25m]);
            var first = new IncomeCertificationInput(c.SignedDate, c.SignedDate.AddDays(89), instalments[0],
                c.NonTechnicalItems.Select(x => x with { Amount = Yuan.Allocate(x.Amount, [1m, 1m])[0] }).ToList(), "首期款（合同约定 40%）");
            if (certified == 1)
                first = first with { NonTechnicalItems = [.. first.NonTechnicalItems, new NonTechnicalItem(NonTechnicalItemKind.Equipment, "样机（合理数量载体）", 20_000m, 1, true)] };
            var income = TechnologyIncomeCertification.Certify(c, first, [], catalog.ContentRules(c.SignedDate).MaxCarrierEquipmentSets, registrar, now.AddDays(-100), today.AddDays(-100));
            if (income.IsFailure) continue;
            db.Add(income.Value);
            if (certified++ < 2)
            {
                var second = new IncomeCertificationInput(c.SignedDate.AddDays(90), c.SignedDate.AddDays(179), instalments[1], [], "第二期款（验收后支付 35%）");
                var next = TechnologyIncomeCertification.Certify(c, second, [income.Value], catalog.ContentRules(c.SignedDate).MaxCarrierEquipmentSets, registrar, now.AddDays(-10), today.AddDays(-10));
                if (next.IsSuccess) db.Add(next.Value);
            }
        }

        var fudan = Sellers[0];
        var sjtu = Sellers[1];
        // Every state of §2.3, recent, so the workbench has a queue.
        Make(fudan, Buyers[0], 0, 680_000m, now.AddDays(-1), files: true);                                           // Draft
        var submitted = Make(sjtu, Buyers[2], 2, 1_200_000m, now.AddDays(-1), files: true);                        // Submitted
        if (submitted is not null) Submit(submitted, now.AddDays(-1));
        var accepted = Make(fudan, Buyers[3], 4, 450_000m, now.AddDays(-4), files: true);                          // Accepted
        if (accepted is not null && Submit(accepted, now.AddDays(-4))) Accept(accepted, now.AddDays(-3));
        var overdue = Make(sjtu, Buyers[4], 3, 300_000m, now.AddDays(-40), withDocs: false, files: true);           // Accepted, overdue
        if (overdue is not null && Submit(overdue, now.AddDays(-40))) Accept(overdue, now.AddDays(-39));
        var supplement = Make(fudan, Buyers[1], 1, 900_000m, now.AddDays(-6), withDocs: false, files: true);        // SupplementRequested
        if (supplement is not null && Submit(supplement, now.AddDays(-6)) && Accept(supplement, now.AddDays(-5)))
            supplement.RequestSupplement("请补充技术性收入核定表和承诺书", null, now.AddDays(-4));
        var large = Make(sjtu, Buyers[0], 0, 8_800_000m, now.AddDays(-8), files: true);                            // ExpertReview
        if (large is not null && Submit(large, now.AddDays(-8)) && Accept(large, now.AddDays(-7)))
            large.SendToExpertReview("重大合同，组织专家评审", null, now.AddDays(-6));
        var rejected = Make(fudan, Buyers[2], 3, 150_000m, now.AddDays(-20));                         // Rejected
        if (rejected is not null && Submit(rejected, now.AddDays(-20)) && Accept(rejected, now.AddDays(-19)))
            rejected.Reject(RejectionReason.NotTechnologyContract, null, null, now.AddDays(-15));
        var changed = Make(fudan, Buyers[3], 5, 2_400_000m, now.AddDays(-60), files: true);                        // ChangeRegistered
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
        var objected = Make(sjtu, Buyers[2], 2, 760_000m, now.AddDays(-50), files: true);                          // ObjectionFiled
        if (objected is not null && Submit(objected, now.AddDays(-50)) && Accept(objected, now.AddDays(-49)) && await Register(objected, now.AddDays(-45)))
            objected.FileObjection(objected.OwnerOrganizationId, "核定技术交易额低于合同约定，申请复核", null, now.AddDays(-5));
        var resolved = Make(fudan, Buyers[0], 4, 330_000m, now.AddDays(-70), files: true);                         // ObjectionResolved
        if (resolved is not null && Submit(resolved, now.AddDays(-70)) && Accept(resolved, now.AddDays(-69)) && await Register(resolved, now.AddDays(-65))
            && resolved.FileObjection(resolved.OwnerOrganizationId, "合同类别应为技术服务", null, now.AddDays(-40)).IsSuccess)
            resolved.ResolveObjection(ObjectionOutcome.Dismissed, "经复核，原认定无误", null, now.AddDays(-35));
        var import = Make(new DemoParty("boston", "Boston Lab Instruments Inc. (demo)", "300", "USA", null), Buyers[0], 1, 1_500_000m, now.AddDays(-2));
        // technology import: the domestic buyer (zhixin) submits (R2.8)
        if (import is not null && Org(context, "zhixin") is { } zhixin) import.Submit(zhixin, null, now.AddDays(-2), catalog);

        try
        {
            if (await statistics.SaveChangesAsync(ct) is { } conflict)
                throw new InvalidOperationException($"The contract demo data could not be saved: {conflict.En}");
        }
        catch
        {
            foreach (var path in written) File.Delete(path); // a failed seed leaves no files behind
            throw;
        }
    }

    private sealed class Issuer(RegistrationNumberLayout layout, RegistrationSerial serial) : IRegistrationNumberIssuer
    {
        public string Next(int year, string officeDivisionCode) => layout.Format(year, officeDivisionCode, serial.Next());
    }

    private static Guid? Org(DemoDataContext context, string key) => context.Organizations.TryGetValue(key, out var id) ? id : null;

    private static string? Code(DemoParty p)
    {
        if (p.Country != PartyCountries.China) return null;
        var hash = (uint)p.Key.Aggregate(23, (h, c) => unchecked(h * 31 + c));
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var body = new char[9];
        for (var i = 0; i < 9; i++) { body[i] = alphabet[(int)(hash % 31)]; hash = hash / 31 + (uint)(i * 7919); }
        var prefix = p.Nature.StartsWith('0') ? "12" : "91";
        return UnifiedSocialCreditCode.WithCheckCharacter(prefix + p.Division + new string(body));
    }
}
