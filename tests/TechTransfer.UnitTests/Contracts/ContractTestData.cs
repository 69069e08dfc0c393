using TechTransfer.Platform.Calendar;
using TechTransfer.SharedKernel.Time;
using Microsoft.Extensions.Time.Testing;
using TechTransfer.Contracts.Data;
using TechTransfer.Contracts.Domain;
using TechTransfer.Contracts.Domain.Calendar;

namespace TechTransfer.UnitTests.Contracts;

/// <summary>Builders and fixed organisations for contract tests.</summary>
internal static class Orgs
{
    public static readonly Guid Fudan = Guid.Parse("11111111-0000-0000-0000-000000000001");
    public static readonly Guid EnterpriseB = Guid.Parse("22222222-0000-0000-0000-000000000002");
    public static readonly Guid Outsider = Guid.Parse("33333333-0000-0000-0000-000000000003");
    public static readonly Guid Registry = Guid.Parse("44444444-0000-0000-0000-000000000004");
    public static readonly Guid ForeignCo = Guid.Parse("55555555-0000-0000-0000-000000000005");

    public static readonly string FudanCode = UnifiedSocialCreditCode.WithCheckCharacter("12100000425006117");
    public static readonly string EnterpriseBCode = UnifiedSocialCreditCode.WithCheckCharacter("91320100MA1XY0001");
}

internal sealed class FakeIssuer : IRegistrationNumberIssuer
{
    private readonly RegistrationNumberLayout _layout = new();
    private readonly Dictionary<int, long> _serials = [];
    public int Calls { get; private set; }

    public string Next(int year, string officeDivisionCode)
    {
        Calls++;
        _serials[year] = _serials.GetValueOrDefault(year) + 1;
        return _layout.Format(year, officeDivisionCode, _serials[year]);
    }
}

internal static class ContractTestData
{
    public static readonly ContractRuleSetCatalog Catalog = ContractRuleSetCatalog.Defaults;
    public static readonly HolidayCalendar Calendar = HolidayCalendarFile.Prc;
    public const string ShanghaiOffice = "310000";

    /// <summary>Monday 2 March 2026, 10:00 Beijing time.</summary>
    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8)));

    public static DateTimeOffset At(int y, int m, int d) => new(y, m, d, 10, 0, 0, TimeSpan.FromHours(8));

    public static PartyInput Seller(Guid? org = null) =>
        new(PartyRole.Seller, "复旦大学", Orgs.FudanCode, EntityNatures.University, "CHN", "310110", org ?? Orgs.Fudan);

    public static PartyInput Buyer(Guid? org = null) =>
        new(PartyRole.Buyer, "南京某科技有限公司", Orgs.EnterpriseBCode, "150", "CHN", "320102", org ?? Orgs.EnterpriseB);

    public static ContractDetails Details(decimal total = 1_000_000m) => new()
    {
        ProjectName = "基于深度学习的锂电池缺陷检测方法开发",
        Category = ContractCategory.Development,
        SubType = ContractSubType.Commissioned,
        SignedDate = new DateOnly(2026, 2, 20),
        ValidFrom = new DateOnly(2026, 2, 20),
        ValidTo = new DateOnly(2027, 2, 19),
        Parties = [Seller(), Buyer()],
        TotalAmount = total,
    };

    public static ContractDetails Licence(DateOnly patentExpiry, DateOnly licenceEnd) => Details() with
    {
        Category = ContractCategory.Licensing,
        SubType = ContractSubType.PatentLicense,
        IpRefs = [new IpReference(IpKind.Patent, IpDisposition.Licensed, "一种锂电池缺陷检测方法", "复旦大学",
            new DateOnly(2020, 5, 1), "CN202010000001.X", "ZL202010000001.X", patentExpiry)],
        Licence = new LicenceTerms(LicenseScope.NonExclusive, "中国大陆", new DateOnly(2026, 3, 1), licenceEnd),
    };

    public static TechnologyContract Draft(ContractDetails? details = null, DateTimeOffset? now = null)
    {
        var r = TechnologyContract.Draft(details ?? Details(), Orgs.Fudan, Guid.NewGuid(), now ?? At(2026, 3, 2), Catalog);
        Assert.True(r.IsSuccess, r.Error?.Code + " " + string.Join(",", r.Error?.FieldErrors.Select(f => f.Code) ?? []));
        var c = r.Value;
        c.AddAttachment(new AttachmentInfo(AttachmentKind.ContractText, "contract.pdf", "application/pdf", 1000, null, now ?? At(2026, 3, 2)), now ?? At(2026, 3, 2));
        return c;
    }

    public static TechnologyContract Submitted(ContractDetails? details = null, DateTimeOffset? now = null)
    {
        var c = Draft(details, now);
        Assert.True(c.Submit(Orgs.Fudan, null, now ?? At(2026, 3, 2), Catalog).IsSuccess);
        return c;
    }

    public static TechnologyContract Accepted(ContractDetails? details = null, DateTimeOffset? now = null)
    {
        var c = Submitted(details, now);
        Assert.True(c.Accept(Orgs.Registry, null, now ?? At(2026, 3, 2), Catalog, Calendar).IsSuccess);
        return c;
    }

    public static TechnologyContract Registered(ContractDetails? details = null, FakeIssuer? issuer = null)
    {
        var c = Accepted(details);
        if (c.IsLargeContract) Assert.True(c.SendToExpertReview(null, null, At(2026, 3, 3)).IsSuccess);
        var r = c.Register(c.DeclaredTechTransactionAmount, ShanghaiOffice, issuer ?? new FakeIssuer(), null, At(2026, 3, 4), Catalog);
        Assert.True(r.IsSuccess, r.Error?.Code);
        return c;
    }

    /// <summary>Drafted, submitted, accepted and registered on the business day of <paramref name="at"/> (expert review first when large).</summary>
    public static TechnologyContract RegisteredOn(ContractDetails details, DateTimeOffset at, ContractRuleSetCatalog? catalog = null, FakeIssuer? issuer = null)
    {
        var rules = catalog ?? Catalog;
        var c = TechnologyContract.Draft(details, Orgs.Fudan, null, at, rules).Value;
        c.AddAttachment(new AttachmentInfo(AttachmentKind.ContractText, "c.pdf", "application/pdf", 1, null, at), at);
        Assert.True(c.Submit(Orgs.Fudan, null, at, rules).IsSuccess);
        Assert.True(c.Accept(Orgs.Registry, null, at, rules, Calendar).IsSuccess);
        if (c.IsLargeContract) Assert.True(c.SendToExpertReview(null, null, at).IsSuccess);
        var r = c.Register(c.DeclaredTechTransactionAmount, ShanghaiOffice, issuer ?? new FakeIssuer(), null, at, rules);
        Assert.True(r.IsSuccess, r.Error?.Code);
        return c;
    }

    public static IReadOnlyList<string> FieldCodes(TechTransfer.SharedKernel.Error? e) => e?.FieldErrors.Select(f => f.Code).ToList() ?? [];
}
