using TechTransfer.SharedKernel.Organizations;

namespace TechTransfer.Achievements.Domain;

/// <summary>
/// [CFG] Versioned idle-achievement rules (R5.3, R5.4). Shanghai: registered more than one year without conversion
/// (上海市科学技术进步条例 第十三条). National: the "reasonable period" after which the state may implement or license
/// (进步法 第三十二条) is unconfirmed, so it is configuration (null = not applied). Periods are whole years compared on
/// business dates (<see cref="TechTransfer.SharedKernel.BusinessTime.IsMoreThanYearsAfter"/>).
/// </summary>
public sealed record IdleRuleSet : IVersionedRuleSet
{
    public required string RuleSetId { get; init; }
    public required Jurisdiction Jurisdiction { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    public DateOnly? EffectiveTo { get; init; }
    public required string SourceRef { get; init; }
    public int IdlePeriodYears { get; init; } = 1;
    public int? StateInterventionPeriodYears { get; init; }

    public static IReadOnlyList<IdleRuleSet> Defaults { get; } =
    [
        new()
        {
            RuleSetId = "idle-shanghai-2022", Jurisdiction = Jurisdiction.Shanghai, EffectiveFrom = new DateOnly(2022, 1, 1),
            SourceRef = "上海市科学技术进步条例 第十三条 / Shanghai S&T Progress Regulations art. 13",
            IdlePeriodYears = 1, StateInterventionPeriodYears = 3,
        },
        new()
        {
            RuleSetId = "idle-national-2022", Jurisdiction = Jurisdiction.National, EffectiveFrom = new DateOnly(2022, 1, 1),
            SourceRef = "中华人民共和国科学技术进步法 第三十二条 / S&T Progress Law art. 32",
            IdlePeriodYears = 3, StateInterventionPeriodYears = 3,
        },
    ];
}

/// <summary>One row of the office's idle list (R5.3).</summary>
public sealed record IdleAchievementRow(Guid Id, string Title, string? TitleEn, DateTimeOffset RegisteredAt, int AgeDays,
    DateTimeOffset FlaggedAt, bool StateMayImplementOrLicense, IReadOnlyList<string> Completers);
