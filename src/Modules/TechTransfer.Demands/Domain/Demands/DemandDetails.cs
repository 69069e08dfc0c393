using System.Text.RegularExpressions;
using TechTransfer.Demands.Domain.Common;
using TechTransfer.SharedKernel;

namespace TechTransfer.Demands.Domain.Demands;

/// <summary>The editable content of a technology demand (技术需求), as entered by the enterprise.</summary>
public sealed record DemandDetails
{
    public string Title { get; init; } = "";
    /// <summary>需求描述: what is needed.</summary>
    public string Need { get; init; } = "";
    /// <summary>预期目标: the goal (indicators to reach).</summary>
    public string Goal { get; init; } = "";
    /// <summary>现有基础: what the enterprise already has (optional).</summary>
    public string? ExistingBasis { get; init; }
    /// <summary>技术领域</summary>
    public string Field { get; init; } = "";
    public IReadOnlyList<string> IpcCodes { get; init; } = [];
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public decimal? BudgetMinYuan { get; init; }
    public decimal? BudgetMaxYuan { get; init; }
    public DateTimeOffset Deadline { get; init; }
    public CooperationModes CooperationModes { get; init; }
    public string DivisionCode { get; init; } = "";
    public ContactVisibility ContactVisibility { get; init; }
    public string ContactName { get; init; } = "";
    public string? ContactPhone { get; init; }
    public string? ContactEmail { get; init; }
}

/// <summary>The validated, normalised form of <see cref="DemandDetails"/>.</summary>
public sealed record ValidDemandDetails(DemandDetails Details, IReadOnlyList<string> IpcCodes, IReadOnlyList<string> Keywords, string DivisionCode);

public static partial class DemandValidation
{
    public const int TitleMin = 4, TitleMax = 100, NeedMax = 4000, GoalMax = 2000, BasisMax = 2000, FieldMax = 50,
        MaxIpcCodes = 10, MaxKeywords = 10, KeywordMax = 30, ContactMax = 50, EmailMax = 200, ReasonMax = 1000;

    /// <summary>DM.6 / CH.2: how far ahead a deadline or a challenge date may lie.</summary>
    public const int HorizonYears = 10;

    /// <summary>Shape and value checks on a demand's content (rules DM.1–DM.7); <paramref name="now"/> for the deadline.</summary>
    public static Result<ValidDemandDetails> Validate(DemandDetails d, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        Text(d.Title, "title", TitleMin, TitleMax, true, errors);
        Text(d.Need, "need", 1, NeedMax, true, errors);
        Text(d.Goal, "goal", 1, GoalMax, true, errors);
        Text(d.ExistingBasis, "existingBasis", 0, BasisMax, false, errors);
        Text(d.Field, "field", 1, FieldMax, true, errors);

        var (ipc, ipcErrors) = IpcCode.ParseAll(d.IpcCodes);
        errors.AddRange(ipcErrors);
        if (ipc.Count > MaxIpcCodes) errors.Add(DemandErrors.TooMany("ipcCodes", MaxIpcCodes));

        // A null element (refused by the API's request-shape filter) is never dereferenced here: it counts as empty.
        var keywords = (d.Keywords ?? []).Select(k => k?.Trim() ?? "").Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (keywords.Count > MaxKeywords) errors.Add(DemandErrors.TooMany("keywords", MaxKeywords));
        if (keywords.Any(k => k.Length > KeywordMax)) errors.Add(DemandErrors.TooLong("keywords", KeywordMax));

        errors.AddRange(BudgetRange.Validate(d.BudgetMinYuan, d.BudgetMaxYuan));

        if (d.Deadline <= now) errors.Add(DemandErrors.DeadlineNotInFuture);
        else if (d.Deadline > now.AddYears(HorizonYears)) errors.Add(DemandErrors.DateTooFar("deadline"));

        if (d.CooperationModes == CooperationModes.None || (d.CooperationModes & ~AllModes) != 0)
            errors.Add(DemandErrors.CooperationModeRequired);

        var division = Common.DivisionCode.Parse(d.DivisionCode);
        if (division.IsFailure) errors.AddRange(division.Error!.FieldErrors);

        if (!Enum.IsDefined(d.ContactVisibility)) errors.Add(DemandErrors.ContactVisibilityInvalid);
        Text(d.ContactName, "contactName", 1, ContactMax, true, errors);
        var phone = d.ContactPhone?.Trim();
        var email = d.ContactEmail?.Trim();
        if (string.IsNullOrEmpty(phone) && string.IsNullOrEmpty(email)) errors.Add(DemandErrors.ContactMeansRequired);
        if (!string.IsNullOrEmpty(phone) && !Phone().IsMatch(phone)) errors.Add(DemandErrors.ContactPhoneInvalid);
        if (!string.IsNullOrEmpty(email) && (email.Length > EmailMax || !Email().IsMatch(email))) errors.Add(DemandErrors.ContactEmailInvalid);

        if (errors.ToError() is { } invalid) return invalid;
        return new ValidDemandDetails(
            d with
            {
                Title = d.Title.Trim(), Need = d.Need.Trim(), Goal = d.Goal.Trim(), ExistingBasis = NullIfEmpty(d.ExistingBasis),
                Field = d.Field.Trim(), ContactName = d.ContactName.Trim(), ContactPhone = NullIfEmpty(phone), ContactEmail = NullIfEmpty(email),
            },
            ipc.Select(c => c.Value).ToList(), keywords, division.Value);
    }

    private const CooperationModes AllModes = CooperationModes.Transfer | CooperationModes.Licence | CooperationModes.JointDevelopment
        | CooperationModes.CommissionedDevelopment | CooperationModes.Consulting;

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    internal static void Text(string? value, string field, int min, int max, bool required, FieldErrors errors)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            if (required) errors.Add(DemandErrors.Required(field));
            return;
        }
        if (text.Length < min) errors.Add(DemandErrors.TooShort(field, min));
        else if (text.Length > max) errors.Add(DemandErrors.TooLong(field, max));
    }

    [GeneratedRegex(@"^\+?[0-9][0-9\- ]{5,19}$", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Email();
}
