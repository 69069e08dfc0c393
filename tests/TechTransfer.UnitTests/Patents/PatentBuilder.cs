using TechTransfer.Patents.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.UnitTests.Patents;

/// <summary>Test data: organisations and patents in known states.</summary>
public static class Orgs
{
    public static readonly Guid Fudan = Guid.Parse("11111111-0000-0000-0000-000000000001");
    public static readonly Guid Sjtu = Guid.Parse("11111111-0000-0000-0000-000000000002");
    public static readonly Guid EnterpriseB = Guid.Parse("22222222-0000-0000-0000-000000000001");
    public static readonly Guid EnterpriseC = Guid.Parse("22222222-0000-0000-0000-000000000002");
    public static readonly Guid TransferCo = Guid.Parse("33333333-0000-0000-0000-000000000001");
}

public sealed class PatentBuilder
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    public static DateOnly Today => BusinessTime.DateOf(Now);

    private PatentType _type = PatentType.Invention;
    private DateOnly _filing = new(2020, 5, 10);
    private DateOnly? _grant = new(2023, 1, 6);
    private PatentLegalStatus _status = PatentLegalStatus.InForce;
    private DateOnly? _feePaidUntil = new(2026, 5, 9);
    private Guid _owner = Orgs.Fudan;
    private int _compensation;

    public static PatentBuilder Granted() => new();

    public PatentBuilder OfType(PatentType t) { _type = t; return this; }
    public PatentBuilder FiledOn(DateOnly d) { _filing = d; return this; }
    public PatentBuilder NotGranted() { _grant = null; _status = PatentLegalStatus.Pending; return this; }
    public PatentBuilder WithStatus(PatentLegalStatus s) { _status = s; return this; }
    public PatentBuilder FeesPaidUntil(DateOnly? d) { _feePaidUntil = d; return this; }
    public PatentBuilder OwnedBy(Guid org) { _owner = org; return this; }
    public PatentBuilder WithCompensation(int days) { _compensation = days; return this; }

    public PatentDetails Details() => new("CN202010123456.7", "CN111222333B", _type, "一种锂电池缺陷检测方法", "Lithium battery defect detection",
        "复旦大学", _filing, _grant, _status, _feePaidUntil, _compensation, "G06T7/00");

    public Patent Build() => Patent.Register(_owner, Details(), PatentTermRules.Default, Now).Value;
}
