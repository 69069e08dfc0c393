using System.Globalization;
using System.Resources;
using TechTransfer.SharedKernel;

namespace TechTransfer.Exchange.Pages.Listings;

/// <summary>Display helpers of the listing pages: enum labels, money and dates (strings in ExchangeText.resx).</summary>
public static class ListingText
{
    private static readonly ResourceManager Strings = new("TechTransfer.Exchange.Resources.ExchangeText", typeof(ExchangeText).Assembly);

    public static string R(string key) =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new KeyNotFoundException($"ExchangeText has no '{key}'.");

    /// <summary>A string in a given language (an English title composed whatever the page language).</summary>
    public static string In(string key, CultureInfo culture) =>
        Strings.GetString(key, culture) ?? throw new KeyNotFoundException($"ExchangeText has no '{key}'.");

    /// <summary>A record's title in the page language: its English title on English pages when it has one.</summary>
    public static string Title(string zh, string? en) => Bilingual.CurrentIsEnglish && !string.IsNullOrWhiteSpace(en) ? en : zh;

    private static string Label(string prefix, string? value) =>
        value is null ? "—" : Strings.GetString($"{prefix}_{value}", CultureInfo.CurrentUICulture) ?? value;

    public static string Status(string status) => Label("Listing_Status", status);
    public static string Deal(string deal) => Label("Listing_Deal", deal);
    public static string Method(string method) => Label("Listing_Method", method);
    public static string Subject(string subject) => Label("Listing_Subject", subject);
    public static string ObjectionStatus(string status) => Label("Listing_Objection", status);
    public static string Decision(string? decision) => Label("Listing_Decision", decision);

    public static string Money(decimal amount) => Yuan.Display(amount, Bilingual.CurrentIsEnglish);
    public static string Date(DateOnly? d) => d is { } v ? v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";
    public static string Time(DateTimeOffset? at) => at is { } v ? BusinessTime.ToLocal(v).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    /// <summary>The error's messages in the page language (field messages when it carries them).</summary>
    public static IReadOnlyList<string> Messages(Error error)
    {
        var english = Bilingual.CurrentIsEnglish;
        return error.FieldErrors.Count > 0 ? error.FieldErrors.Select(f => english ? f.En : f.Zh).ToList() : [english ? error.En : error.Zh];
    }

    /// <summary>The message of a deal-blocking code (<see cref="Domain.Listings.ListingErrors"/>), in the page language.</summary>
    public static string DealBlocked(string? code) => code switch
    {
        "listing.notice_not_ended" => Pick(Domain.Listings.ListingErrors.NoticeNotEnded),
        "listing.objections_open" => Pick(Domain.Listings.ListingErrors.ObjectionsOpen),
        "listing.not_published" => Pick(Domain.Listings.ListingErrors.NotPublished),
        "listing.related_party_approval_required" => Pick(Domain.Listings.ListingErrors.RelatedPartyApprovalRequired),
        _ => "",
    };

    private static string Pick(Error e) => Bilingual.CurrentIsEnglish ? e.En : e.Zh;
}
