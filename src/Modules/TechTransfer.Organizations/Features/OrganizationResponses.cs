using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel.Organizations;

namespace TechTransfer.Organizations.Features;

public sealed record OrganizationSummary(
    Guid Id, string NameZh, string? NameEn, string? CreditCode, OrganizationKind Kind, string EntityNatureCode,
    string CountryCode, string? DivisionCode, DateTimeOffset UpdatedAt);

public sealed record OrganizationResponse(
    Guid Id, string NameZh, string? NameEn, string? CreditCode, OrganizationKind Kind, string EntityNatureCode,
    string CountryCode, string? DivisionCode, string? Address, string? Website, string? DescriptionZh, string? DescriptionEn,
    IReadOnlyList<ContactDto>? Contacts, bool ContactsVisible, bool CanEdit, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    Jurisdiction Jurisdiction)
{
    public static OrganizationResponse From(Organization o, bool seeContacts, bool canEdit) => new(
        o.Id, o.NameZh, o.NameEn, o.CreditCode, o.Kind, o.EntityNatureCode, o.CountryCode, o.DivisionCode, o.Address, o.Website,
        o.DescriptionZh, o.DescriptionEn,
        seeContacts ? o.Contacts.Select(c => new ContactDto(c.Name, c.Title, c.Phone, c.Email)).ToList() : null,
        seeContacts, canEdit, o.Version, o.CreatedAt, o.UpdatedAt, o.Jurisdiction);
}

/// <summary>List filters: <c>q</c> matches either name or the credit code; <c>division</c> matches a prefix level.</summary>
public sealed record OrganizationListQuery(
    string? Q = null, OrganizationKind? Kind = null, string? Division = null, string? EntityNature = null,
    string? Sort = null, bool Desc = false, int Page = 1, int PageSize = 20);
