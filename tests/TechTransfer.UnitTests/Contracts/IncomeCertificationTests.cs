using TechTransfer.Contracts.Domain;
using static TechTransfer.UnitTests.Contracts.ContractTestData;

namespace TechTransfer.UnitTests.Contracts;

/// <summary>技术性收入核定: the certified technology income of a registered contract for a period (§2.4, R2.1–R2.3).</summary>
public sealed class IncomeCertificationTests
{
    private static readonly Guid Achievement = Guid.Parse("aaaaaaaa-0000-0000-0000-000000000001");
    private static readonly DateOnly Today = new(2026, 12, 31);

    private static IncomeCertificationInput Period(int fromMonth, int toMonth, decimal received, params NonTechnicalItem[] items) =>
        new(new DateOnly(2026, fromMonth, 1), new DateOnly(2026, toMonth, DateTime.DaysInMonth(2026, toMonth)), received, items, null);

    private static TechnologyContract RegisteredWithAchievement() => Registered(Details() with { AchievementIds = [Achievement] });

    private static TechTransfer.SharedKernel.Result<TechnologyIncomeCertification> Certify(TechnologyContract c, IncomeCertificationInput input,
        params TechnologyIncomeCertification[] earlier) =>
        TechnologyIncomeCertification.Certify(c, input, earlier, 2, Guid.NewGuid(), At(2026, 12, 31), Today);

    [Fact]
    public void Certified_income_is_the_amount_received_less_non_technical_items_that_are_not_carriers()
    {
        var r = Certify(RegisteredWithAchievement(), Period(3, 6, 500_000m,
            new NonTechnicalItem(NonTechnicalItemKind.Equipment, "检测设备", 80_000m, 1, false),
            new NonTechnicalItem(NonTechnicalItemKind.Equipment, "样机（技术载体）", 30_000m, 1, true)));
        Assert.True(r.IsSuccess, r.Error?.Code);
        Assert.Equal(80_000m, r.Value.DeductedNonTechnical);
        Assert.Equal(420_000m, r.Value.CertifiedTechnologyIncome);
        Assert.Equal(500_000m, r.Value.AmountReceived);
    }

    [Fact]
    public void The_certification_names_the_achievements_the_contract_references()
    {
        var r = Certify(RegisteredWithAchievement(), Period(3, 6, 100_000m));
        Assert.Equal([Achievement], r.Value.AchievementIds);
    }

    [Fact]
    public void A_contract_that_is_not_registered_cannot_have_income_certified()
    {
        var r = Certify(Accepted(), Period(3, 6, 100_000m));
        Assert.Equal(ContractErrors.NotRegistered.Code, r.Error?.Code);
    }

    [Fact]
    public void Certification_is_blocked_while_an_amount_correction_is_pending_R2_3()
    {
        var c = RegisteredWithAchievement();
        Assert.True(c.FileCorrection(Orgs.Fudan, 1_200_000m, "补充协议", null, At(2026, 6, 1)).IsSuccess);
        var r = Certify(c, Period(3, 6, 100_000m));
        Assert.Equal(ContractErrors.CorrectionPending.Code, r.Error?.Code);
        Assert.Equal("R2.3", r.Error!.Rule);
    }

    [Fact]
    public void A_period_that_overlaps_one_already_certified_is_refused()
    {
        var c = RegisteredWithAchievement();
        var first = Certify(c, Period(3, 6, 100_000m)).Value;
        var r = Certify(c, Period(6, 9, 100_000m), first);
        Assert.Equal("income_certification.period_overlaps", r.Error?.Code);
        Assert.True(Certify(c, Period(7, 9, 100_000m), first).IsSuccess);
    }

    [Fact]
    public void A_period_ending_after_today_or_starting_before_signing_is_refused()
    {
        var c = RegisteredWithAchievement();
        var future = TechnologyIncomeCertification.Certify(c, Period(3, 6, 1m), [], 2, null, At(2026, 5, 1), new DateOnly(2026, 5, 1));
        Assert.Contains("income_certification.period_in_future", FieldCodes(future.Error));
        var early = Certify(c, new IncomeCertificationInput(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 1), 1m, [], null));
        Assert.Contains("income_certification.period_before_signing", FieldCodes(early.Error));
    }

    [Fact]
    public void Nothing_received_or_deductions_above_the_amount_received_are_refused()
    {
        var c = RegisteredWithAchievement();
        Assert.Contains("income_certification.amount_received_invalid", FieldCodes(Certify(c, Period(3, 6, 0m)).Error));
        var over = Certify(c, Period(3, 6, 10_000m, new NonTechnicalItem(NonTechnicalItemKind.RawMaterial, "原材料", 20_000m, 1, false)));
        Assert.Contains("income_certification.deductions_exceed_received", FieldCodes(over.Error));
    }

    [Fact]
    public void An_end_before_the_start_is_refused()
    {
        var r = Certify(RegisteredWithAchievement(), new IncomeCertificationInput(new DateOnly(2026, 6, 1), new DateOnly(2026, 5, 1), 1m, [], null));
        Assert.Contains("income_certification.period_invalid", FieldCodes(r.Error));
    }
}

/// <summary>Registrar assignment on the workbench (分派).</summary>
public sealed class RegistrarAssignmentTests
{
    [Fact]
    public void A_submitted_contract_is_assigned_and_the_history_records_it()
    {
        var c = Submitted();
        var registrar = Guid.NewGuid();
        Assert.True(c.AssignRegistrar(registrar, "王登记", Guid.NewGuid(), At(2026, 3, 3)).IsSuccess);
        Assert.Equal(registrar, c.AssignedRegistrarUserId);
        Assert.Equal("assign", c.StatusHistory[^1].Action);
    }

    [Fact]
    public void A_draft_or_a_registered_contract_is_not_on_the_queue_and_cannot_be_assigned()
    {
        Assert.Equal("contract.wrong_status", Draft().AssignRegistrar(Guid.NewGuid(), "王", null, At(2026, 3, 3)).Error?.Code);
        Assert.Equal("contract.wrong_status", Registered().AssignRegistrar(Guid.NewGuid(), "王", null, At(2026, 3, 5)).Error?.Code);
    }

    [Fact]
    public void Assigning_to_the_same_registrar_twice_is_refused()
    {
        var c = Submitted();
        var registrar = Guid.NewGuid();
        Assert.True(c.AssignRegistrar(registrar, "王", null, At(2026, 3, 3)).IsSuccess);
        Assert.Equal("contract.already_assigned", c.AssignRegistrar(registrar, "王", null, At(2026, 3, 3)).Error?.Code);
    }
}
