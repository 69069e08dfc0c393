using TechTransfer.Demands.Domain.Demands;
using TechTransfer.SharedKernel;

namespace TechTransfer.Demands.Domain.Challenges;

/// <summary>评分项: one criterion of a challenge's rubric, with an integer weight (all weights sum to 100, CH.3).</summary>
public sealed class RubricCriterion
{
    private RubricCriterion() { }

    internal RubricCriterion(string key, int order, string nameZh, string nameEn, int weight)
    {
        Key = key;
        Order = order;
        NameZh = nameZh;
        NameEn = nameEn;
        Weight = weight;
    }

    /// <summary>Stable key within the challenge ("c1", "c2", …); scores refer to it.</summary>
    public string Key { get; private set; } = "";
    public int Order { get; private set; }
    public string NameZh { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public int Weight { get; private set; }
}

/// <summary>A criterion as entered.</summary>
public sealed record CriterionInput(string NameZh, string? NameEn, int Weight);

/// <summary>评分细则: rubric rules and the weighted-score formula (CH.3, CH.9, CH.10).</summary>
public static class Rubric
{
    public const int MaxCriteria = 10, MaxScore = 10, TotalWeight = 100, NameMax = 50;

    public static (IReadOnlyList<RubricCriterion> Criteria, IReadOnlyList<FieldError> Errors) Build(IReadOnlyList<CriterionInput?>? input)
    {
        var errors = new FieldErrors();
        var list = input ?? [];
        if (list.Count == 0) errors.Add(ChallengeErrors.RubricEmpty);
        if (list.Count > MaxCriteria) errors.Add(DemandErrors.TooMany("rubric", MaxCriteria));
        var criteria = new List<RubricCriterion>();
        for (var i = 0; i < list.Count; i++)
        {
            // A null element (refused by the API's request-shape filter) is an empty row here: name and weight missing.
            var c = list[i] ?? new CriterionInput("", null, 0);
            var nameZh = c.NameZh?.Trim() ?? "";
            var nameEn = string.IsNullOrWhiteSpace(c.NameEn) ? nameZh : c.NameEn.Trim();
            var field = $"rubric[{i}]";
            if (nameZh.Length == 0) errors.Add(DemandErrors.Required("criterion") with { Field = field + ".nameZh" });
            else if (nameZh.Length > NameMax || nameEn.Length > NameMax) errors.Add(DemandErrors.TooLong("criterion", NameMax) with { Field = field + ".nameZh" });
            if (c.Weight is < 1 or > TotalWeight) errors.Add(ChallengeErrors.CriterionWeightOutOfRange(field + ".weight"));
            criteria.Add(new RubricCriterion($"c{i + 1}", i + 1, nameZh, nameEn, c.Weight));
        }
        if (criteria.Select(c => c.NameZh).Distinct(StringComparer.Ordinal).Count() != criteria.Count)
            errors.Add(ChallengeErrors.CriterionNamesNotUnique);
        var sum = criteria.Sum(c => (long)c.Weight); // long: weights out of range (reported above) must not overflow the sum
        if (list.Count > 0 && sum != TotalWeight) errors.Add(ChallengeErrors.WeightsDoNotSumTo100(sum));
        return (criteria, errors.All);
    }

    /// <summary>
    /// Checks one judge's scores against the rubric (CH.9): every criterion exactly once, no unknown key, 0–10 with at most
    /// one decimal.
    /// </summary>
    public static IReadOnlyList<FieldError> ValidateScores(IReadOnlyList<RubricCriterion> criteria, IReadOnlyDictionary<string, decimal> scores)
    {
        var errors = new FieldErrors();
        foreach (var key in scores.Keys.Where(k => criteria.All(c => c.Key != k)))
            errors.Add(ChallengeErrors.UnknownCriterion(key));
        foreach (var c in criteria)
        {
            if (!scores.TryGetValue(c.Key, out var value)) errors.Add(ChallengeErrors.CriterionNotScored(c.Key, c.NameZh, c.NameEn));
            else if (value < 0 || value > MaxScore) errors.Add(ChallengeErrors.ScoreOutOfRange(c.Key));
            else if (Math.Round(value, 1) != value) errors.Add(ChallengeErrors.ScoreTooPrecise(c.Key));
        }
        return errors.All;
    }

    /// <summary>
    /// The values of one judge's scores, before the rubric is known (CH.9): each 0–10 with at most one decimal. The keys are
    /// checked against the rubric by <see cref="ValidateScores"/>.
    /// </summary>
    public static IReadOnlyList<FieldError> ValidateScoreValues(IReadOnlyDictionary<string, decimal>? scores)
    {
        var errors = new FieldErrors();
        foreach (var (key, value) in scores ?? new Dictionary<string, decimal>())
        {
            if (value < 0 || value > MaxScore) errors.Add(ChallengeErrors.ScoreOutOfRange(key));
            else if (Math.Round(value, 1) != value) errors.Add(ChallengeErrors.ScoreTooPrecise(key));
        }
        return errors.All;
    }

    /// <summary>Weighted score 0–100 of one judge: Σ score × weight / 10 (CH.10).</summary>
    public static decimal Weighted(IReadOnlyList<RubricCriterion> criteria, IReadOnlyDictionary<string, decimal> scores) =>
        criteria.Sum(c => scores.TryGetValue(c.Key, out var v) ? v * c.Weight : 0m) / MaxScore;
}
