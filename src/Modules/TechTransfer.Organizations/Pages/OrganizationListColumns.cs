using System.Globalization;
using System.Resources;
using TechTransfer.Organizations.Domain;
using TechTransfer.Organizations.Features;
using TechTransfer.Platform.Lists;
using TechTransfer.SharedKernel;

namespace TechTransfer.Organizations.Pages;

/// <summary>The columns of the organisation list's Excel export: the page's columns and the public fields, labels in the current language.</summary>
internal static class OrganizationListColumns
{
    private static readonly ResourceManager Strings = new("TechTransfer.Organizations.Resources.OrganizationsText", typeof(OrganizationsText).Assembly);

    public static string R(string key) => Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new KeyNotFoundException($"OrganizationsText has no '{key}'.");

    public static IReadOnlyList<ListColumn<OrganizationSummary>> All =>
    [
        new(R("Field.NameZh"), o => o.NameZh),
        new(R("Field.NameEn"), o => o.NameEn),
        new(R("Field.Kind"), o => OrganizationList.Label(o.Kind)),
        new(R("Field.CreditCode"), o => o.CreditCode),
        new(R("Field.EntityNature"), o => EntityNature.Find(o.EntityNatureCode) is { } n ? Bilingual.T(n.Zh, n.En) : o.EntityNatureCode),
        new(R("Field.Division"), o => OrganizationList.DivisionName(o.DivisionCode, o.CountryCode)),
        new(R("Field.UpdatedAt"), o => BusinessTime.ShowTime(o.UpdatedAt)),
    ];
}
