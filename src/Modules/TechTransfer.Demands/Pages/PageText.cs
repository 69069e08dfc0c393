using System.Globalization;
using System.Resources;
using TechTransfer.Demands.Domain.Challenges;
using TechTransfer.Demands.Domain.Demands;
using TechTransfer.SharedKernel;

namespace TechTransfer.Demands.Pages;

/// <summary>Display helpers shared by the demand and challenge pages (Chinese first, English complete).</summary>
public static class PageText
{
    /// <summary>Instants are shown in Shanghai time (the business clock, <see cref="BusinessTime"/>).</summary>
    public static string Date(DateTimeOffset? at) => BusinessTime.ShowTime(at);

    public static string L((string Zh, string En) label) => Bilingual.T(label.Zh, label.En);

    public static string Status(string status) =>
        Enum.TryParse<DemandStatus>(status, out var s) ? L(DemandLabels.Status(s)) : status;

    public static string Mode(string mode) =>
        Enum.TryParse<CooperationModes>(mode, out var m) ? L(DemandLabels.Mode(m)) : mode;

    public static string Phase(string phase) =>
        Enum.TryParse<ChallengePhase>(phase, out var p) ? L(ChallengeLabels.Phase(p)) : phase;

    public static string Kind(string kind) =>
        Enum.TryParse<ChallengeKind>(kind, out var k) ? L(ChallengeLabels.Kind(k)) : kind;

    public static string Reward(string kind) =>
        Enum.TryParse<RewardKind>(kind, out var k) ? L(ChallengeLabels.Reward(k)) : kind;

    public static string ApplicationStatus(string status) =>
        Enum.TryParse<Domain.Challenges.ApplicationStatus>(status, out var s) ? L(ChallengeLabels.Application(s)) : status;

    public static string Visibility(string v) =>
        Enum.TryParse<ContactVisibility>(v, out var c) ? L(DemandLabels.Visibility(c)) : v;

    public static string Money(decimal amount) => Yuan.Display(amount, Bilingual.CurrentIsEnglish);

    private static readonly ResourceManager Strings = new("TechTransfer.Demands.Resources.DemandsText", typeof(DemandsText).Assembly);

    /// <summary>A string of DemandsText.resx in the current UI culture (for these static helpers; pages use the injected <c>L</c>).</summary>
    public static string R(string key) =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new KeyNotFoundException($"DemandsText has no '{key}'.");

    public static string Budget(decimal? min, decimal? max) =>
        min is null || max is null ? R("Negotiable") : min == max ? Money(min.Value) : $"{Money(min.Value)} – {Money(max.Value)}";

    /// <summary>A datetime-local value entered in Shanghai time.</summary>
    public static DateTimeOffset? FromLocal(DateTime? local) =>
        local is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Unspecified), BusinessTime.Offset) : null;

    public static DateTime? ToLocal(DateTimeOffset? at) => at is { } v ? BusinessTime.ToLocal(v).DateTime : null;

    /// <summary>
    /// The name of the form a static-SSR request posted (Blazor's <c>_handler</c> field), or null. A page keeps that form in
    /// its render tree while the request is dispatched even when the record's state no longer offers it, so a stale form
    /// (the record changed since the page was shown) reaches its handler and gets the conflict message instead of a
    /// framework error.
    /// </summary>
    public static string? PostedForm(Microsoft.AspNetCore.Http.HttpContext? http) =>
        http is not null && Microsoft.AspNetCore.Http.HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType
            ? http.Request.Form["_handler"].ToString() is { Length: > 0 } name ? name : null
            : null;

    /// <summary>The version a page's action form posted back (hidden field <c>version</c>), or null.</summary>
    public static int? PostedVersion(string? posted) =>
        int.TryParse(posted, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    public static List<string> SplitList(string? text) =>
        (text ?? "").Split([',', '，', ';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public static IReadOnlyList<string> ErrorMessages(Error error)
    {
        var english = Bilingual.CurrentIsEnglish;
        return error.FieldErrors.Count > 0 ? error.FieldErrors.Select(f => english ? f.En : f.Zh).ToList() : [english ? error.En : error.Zh];
    }
}
