using TechTransfer.Demands.Domain.Common;
using TechTransfer.Demands.Domain.Demands;
using TechTransfer.SharedKernel;

namespace TechTransfer.Demands.Domain.Challenges;

/// <summary>The editable content of a challenge (揭榜挂帅 / 创新挑战赛).</summary>
public sealed record ChallengeDetails
{
    public ChallengeKind Kind { get; init; }
    public string Title { get; init; } = "";
    /// <summary>任务描述</summary>
    public string Description { get; init; } = "";
    /// <summary>任务要求 / 揭榜条件</summary>
    public string Requirements { get; init; } = "";
    public string Field { get; init; } = "";
    public IReadOnlyList<string> IpcCodes { get; init; } = [];
    public RewardKind RewardKind { get; init; }
    public decimal RewardYuan { get; init; }
    public string DivisionCode { get; init; } = "";
    /// <summary>征集开始</summary>
    public DateTimeOffset ApplicationOpensAt { get; init; }
    /// <summary>征集截止 (exclusive)</summary>
    public DateTimeOffset ApplicationClosesAt { get; init; }
    /// <summary>评审截止 (exclusive)</summary>
    public DateTimeOffset JudgingEndsAt { get; init; }
    /// <summary>计划公布日期</summary>
    public DateTimeOffset AnnouncementAt { get; init; }
    public int WinnerCount { get; init; } = 1;
    public IReadOnlyList<CriterionInput?> Rubric { get; init; } = [];
}

internal sealed record ValidChallengeDetails(ChallengeDetails Details, IReadOnlyList<string> IpcCodes, string DivisionCode, IReadOnlyList<RubricCriterion> Criteria);

internal static class ChallengeValidation
{
    public const int TitleMax = 100, DescriptionMax = 4000, RequirementsMax = 4000, MaxWinners = 20;

    /// <summary>CH.1 (content), CH.2 (dates in order, window not already closed), CH.3 (rubric).</summary>
    public static Result<ValidChallengeDetails> Validate(ChallengeDetails d, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (!Enum.IsDefined(d.Kind)) errors.Add(ChallengeErrors.KindInvalid);
        DemandValidation.Text(d.Title, "title", DemandValidation.TitleMin, TitleMax, true, errors);
        DemandValidation.Text(d.Description, "description", 1, DescriptionMax, true, errors);
        DemandValidation.Text(d.Requirements, "requirements", 1, RequirementsMax, true, errors);
        DemandValidation.Text(d.Field, "field", 1, DemandValidation.FieldMax, true, errors);
        var (ipc, ipcErrors) = IpcCode.ParseAll(d.IpcCodes);
        errors.AddRange(ipcErrors);
        if (ipc.Count > DemandValidation.MaxIpcCodes) errors.Add(DemandErrors.TooMany("ipcCodes", DemandValidation.MaxIpcCodes));
        if (!Enum.IsDefined(d.RewardKind)) errors.Add(ChallengeErrors.RewardKindInvalid);
        if (d.RewardYuan <= 0) errors.Add(ChallengeErrors.RewardNotPositive);
        else BudgetRange.ValidateAmount(d.RewardYuan, "rewardYuan", errors);
        var division = DivisionCode.Parse(d.DivisionCode);
        if (division.IsFailure) errors.AddRange(division.Error!.FieldErrors);

        if (d.ApplicationOpensAt >= d.ApplicationClosesAt) errors.Add(ChallengeErrors.WindowEmpty);
        if (d.ApplicationClosesAt <= now) errors.Add(ChallengeErrors.WindowAlreadyClosed);
        var horizon = now.AddYears(DemandValidation.HorizonYears);
        if (d.ApplicationOpensAt > horizon || d.ApplicationOpensAt < now.AddYears(-DemandValidation.HorizonYears))
            errors.Add(DemandErrors.DateTooFar("applicationOpensAt") with { Rule = "CH.2" });
        if (d.ApplicationClosesAt > horizon) errors.Add(DemandErrors.DateTooFar("applicationClosesAt") with { Rule = "CH.2" });
        if (d.JudgingEndsAt > horizon) errors.Add(DemandErrors.DateTooFar("judgingEndsAt") with { Rule = "CH.2" });
        if (d.AnnouncementAt > horizon) errors.Add(DemandErrors.DateTooFar("announcementAt") with { Rule = "CH.2" });
        if (d.JudgingEndsAt <= d.ApplicationClosesAt) errors.Add(ChallengeErrors.JudgingBeforeWindowCloses);
        if (d.AnnouncementAt < d.JudgingEndsAt) errors.Add(ChallengeErrors.AnnouncementBeforeJudgingEnds);
        if (d.WinnerCount is < 1 or > MaxWinners) errors.Add(ChallengeErrors.WinnerCountOutOfRange);

        var (criteria, rubricErrors) = Challenges.Rubric.Build(d.Rubric);
        errors.AddRange(rubricErrors);

        if (errors.ToError() is { } invalid) return invalid;
        return new ValidChallengeDetails(
            d with { Title = d.Title.Trim(), Description = d.Description.Trim(), Requirements = d.Requirements.Trim(), Field = d.Field.Trim() },
            ipc.Select(c => c.Value).ToList(), division.Value, criteria);
    }
}
