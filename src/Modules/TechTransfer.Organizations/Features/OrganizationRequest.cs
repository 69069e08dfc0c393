using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Organizations;
using TechTransfer.SharedKernel.Regions;

namespace TechTransfer.Organizations.Features;

/// <summary>
/// Body of POST and PUT /api/v1/organizations. <see cref="Version"/> is required on PUT (optimistic concurrency).
/// <see cref="Jurisdiction"/> (whose rules apply, R0.2) may be set by a platform administrator only; null keeps it (PUT)
/// or proposes it from the division (POST: Shanghai's rules for a division in Shanghai).
/// </summary>
public sealed record OrganizationRequest
{
    public string NameZh { get; init; } = "";
    public string? NameEn { get; init; }
    public string? CreditCode { get; init; }
    public OrganizationKind? Kind { get; init; }
    public string? EntityNatureCode { get; init; }
    /// <summary>ISO 3166-1 alpha-3 or alpha-2, or the customs numeric code of the registration form (142 = China); stored as alpha-3.</summary>
    public string CountryCode { get; init; } = Countries.China;
    public string? DivisionCode { get; init; }
    public string? Address { get; init; }
    public string? Website { get; init; }
    public string? DescriptionZh { get; init; }
    public string? DescriptionEn { get; init; }
    public List<ContactDto> Contacts { get; init; } = [];
    public Jurisdiction? Jurisdiction { get; init; }
    public int? Version { get; init; }

    /// <summary>Only after <see cref="OrganizationValidation.Check"/> found nothing.</summary>
    public OrganizationDetails ToDetails() => new(NameZh.Trim(), NameEn, CreditCode, Kind!.Value, EntityNatureCode!.Trim(),
        Countries.Normalize(CountryCode) ?? CountryCode, DivisionCode, Address, Website, DescriptionZh, DescriptionEn,
        (Contacts ?? []).Select(c => new OrganizationContact(c.Name.Trim(), c.Title, c.Phone, c.Email)).ToList());
}

public sealed record ContactDto(string Name, string? Title = null, string? Phone = null, string? Email = null);

/// <summary>
/// The registry's checks of an organisation request, on the one validation path: every field error at once, in both
/// languages (stable codes, e.g. validation.not_empty).
/// </summary>
public static class OrganizationValidation
{
    public static FieldErrors Check(OrganizationRequest r)
    {
        var errors = new FieldErrors();
        var name = r.NameZh ?? "";
        if (string.IsNullOrWhiteSpace(name)) errors.Add(OrganizationErrors.Required("nameZh", "中文名称", "Chinese name"));
        else if (name.Trim().Length > 200) errors.Add(OrganizationErrors.TooLong("nameZh", "中文名称", "Chinese name", 200));
        MaxLength(errors, r.NameEn, "nameEn", "英文名称", "English name", 300);
        if (r.Kind is null) errors.Add(OrganizationErrors.Required("kind", "机构类型", "Organisation kind"));
        else if (!Enum.IsDefined(r.Kind.Value)) errors.Add(OrganizationErrors.KindInvalid);
        if (string.IsNullOrWhiteSpace(r.EntityNatureCode)) errors.Add(OrganizationErrors.Required("entityNatureCode", "单位性质", "Entity nature"));
        else if (!EntityNature.IsKnown(r.EntityNatureCode.Trim())) errors.Add(OrganizationErrors.UnknownEntityNature(r.EntityNatureCode));

        var country = Countries.Normalize(r.CountryCode);
        if (country is null) errors.Add(OrganizationErrors.CountryCodeUnknown);
        var inChina = country == Countries.China;
        if (inChina || !string.IsNullOrWhiteSpace(r.CreditCode))
        {
            var problem = UnifiedSocialCreditCode.Check(r.CreditCode);
            if (problem != UnifiedSocialCreditCode.Problem.None) errors.Add(OrganizationErrors.CreditCodeProblem(problem));
        }
        if (inChina)
        {
            if (string.IsNullOrWhiteSpace(r.DivisionCode)) errors.Add(OrganizationErrors.DivisionRequired);
            else if (!Divisions.IsKnown(r.DivisionCode)) errors.Add(OrganizationErrors.UnknownDivision(r.DivisionCode));
        }
        if (r.Website is { } w && (w.Length > 300 || !Uri.TryCreate(w, UriKind.Absolute, out var u) || (u.Scheme != "http" && u.Scheme != "https")))
            errors.Add(OrganizationErrors.WebsiteFormat);
        MaxLength(errors, r.Address, "address", "地址", "Address", 300);
        MaxLength(errors, r.DescriptionZh, "descriptionZh", "中文简介", "Chinese description", 4000);
        MaxLength(errors, r.DescriptionEn, "descriptionEn", "英文简介", "English description", 4000);
        if (r.Jurisdiction is { } j && !Enum.IsDefined(j))
            errors.Add(OrganizationErrors.JurisdictionInvalid);

        var contacts = r.Contacts ?? [];
        if (contacts.Count > 20) errors.Add(OrganizationErrors.TooManyContacts);
        for (var i = 0; i < contacts.Count; i++)
        {
            var c = contacts[i];
            if (c is null) { errors.Add(OrganizationErrors.NullItem($"contacts[{i}]")); continue; }
            if (string.IsNullOrWhiteSpace(c.Name)) errors.Add(OrganizationErrors.Required($"contacts[{i}].name", "联系人姓名", "Contact name"));
            else MaxLength(errors, c.Name, $"contacts[{i}].name", "联系人姓名", "Contact name", 100);
            if (!string.IsNullOrEmpty(c.Email) && (c.Email.Length > 200 || !LooksLikeEmail(c.Email))) errors.Add(OrganizationErrors.ContactEmail(i));
            MaxLength(errors, c.Phone, $"contacts[{i}].phone", "联系电话", "Phone", 40);
            MaxLength(errors, c.Title, $"contacts[{i}].title", "职务", "Title", 100);
        }
        return errors;
    }

    private static void MaxLength(FieldErrors errors, string? value, string field, string zh, string en, int max)
    {
        if (value is not null && value.Length > max) errors.Add(OrganizationErrors.TooLong(field, zh, en, max));
    }

    // An e-mail address: one "@", neither first nor last (the same check ASP.NET Core's EmailAddressAttribute makes).
    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@');
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1;
    }
}
