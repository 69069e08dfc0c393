using System.Text.RegularExpressions;
using FluentValidation;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.Organizations.Features;

/// <summary>Body of POST and PUT /api/v1/organizations. <see cref="Version"/> is required on PUT (optimistic concurrency).</summary>
public sealed record OrganizationRequest
{
    public string NameZh { get; init; } = "";
    public string? NameEn { get; init; }
    public string? CreditCode { get; init; }
    public OrganizationKind? Kind { get; init; }
    public string? EntityNatureCode { get; init; }
    public string CountryCode { get; init; } = "CHN";
    public string? DivisionCode { get; init; }
    public string? Address { get; init; }
    public string? Website { get; init; }
    public string? DescriptionZh { get; init; }
    public string? DescriptionEn { get; init; }
    public List<ContactDto> Contacts { get; init; } = [];
    public int? Version { get; init; }

    public OrganizationDetails ToDetails() => new(NameZh, NameEn, CreditCode, Kind!.Value, EntityNatureCode!, CountryCode,
        DivisionCode, Address, Website, DescriptionZh, DescriptionEn,
        Contacts.Select(c => new OrganizationContact(c.Name.Trim(), c.Title, c.Phone, c.Email)).ToList());
}

public sealed record ContactDto(string Name, string? Title = null, string? Phone = null, string? Email = null);

public sealed partial class OrganizationRequestValidator : AbstractValidator<OrganizationRequest>
{
    public OrganizationRequestValidator()
    {
        RuleFor(x => x.NameZh).NotEmpty().MaximumLength(200).WithName(_ => Bilingual.T("中文名称", "Chinese name"));
        RuleFor(x => x.NameEn).MaximumLength(300).WithName(_ => Bilingual.T("英文名称", "English name"));
        RuleFor(x => x.Kind).NotNull().IsInEnum().WithName(_ => Bilingual.T("机构类型", "Organisation kind"));
        RuleFor(x => x.EntityNatureCode)
            .NotEmpty().WithName(_ => Bilingual.T("单位性质", "Entity nature"))
            .Must(EntityNature.IsKnown).When(x => !string.IsNullOrEmpty(x.EntityNatureCode), ApplyConditionTo.CurrentValidator)
            .WithErrorCode("organization.unknown_entity_nature")
            .WithMessage(x => Bilingual.T($"单位性质代码 {x.EntityNatureCode} 不在代码表中", $"Entity nature code {x.EntityNatureCode} is not in the code list."));
        RuleFor(x => x.CountryCode)
            .Must(c => c is not null && CountryPattern().IsMatch(c.Trim().ToUpperInvariant()))
            .WithErrorCode("organization.country_code_format")
            .WithMessage(_ => Bilingual.T("国家代码须为 3 位字母（ISO 3166-1，如 CHN）", "The country code has three letters (ISO 3166-1, e.g. CHN)."));
        RuleFor(x => x.CreditCode).Custom((code, ctx) =>
        {
            var inChina = IsChina(ctx.InstanceToValidate.CountryCode);
            if (!inChina && string.IsNullOrWhiteSpace(code)) return;
            var problem = UnifiedSocialCreditCode.Check(code);
            if (problem == UnifiedSocialCreditCode.Problem.None) return;
            var fe = OrganizationErrors.CreditCodeProblem(problem);
            ctx.AddFailure(new FluentValidation.Results.ValidationFailure("CreditCode", Bilingual.T(fe.Zh, fe.En)) { ErrorCode = fe.Code });
        });
        RuleFor(x => x.DivisionCode).Custom((code, ctx) =>
        {
            if (!IsChina(ctx.InstanceToValidate.CountryCode)) return;
            if (string.IsNullOrWhiteSpace(code))
                ctx.AddFailure(new FluentValidation.Results.ValidationFailure("DivisionCode",
                    Bilingual.T("中国境内机构须选择行政区划", "Organisations in China need an administrative division.")) { ErrorCode = "organization.division_required" });
            else if (!AdministrativeDivision.IsKnown(code.Trim()))
                ctx.AddFailure(new FluentValidation.Results.ValidationFailure("DivisionCode",
                    Bilingual.T($"行政区划代码 {code} 无效（GB/T 2260）", $"Division code {code} is not valid (GB/T 2260).")) { ErrorCode = "organization.unknown_division" });
        });
        RuleFor(x => x.Website).MaximumLength(300).Must(w => w is null || Uri.TryCreate(w, UriKind.Absolute, out var u) && (u.Scheme == "http" || u.Scheme == "https"))
            .WithErrorCode("organization.website_format")
            .WithMessage(_ => Bilingual.T("网址须以 http:// 或 https:// 开头", "The website must start with http:// or https://."));
        RuleFor(x => x.Address).MaximumLength(300);
        RuleFor(x => x.DescriptionZh).MaximumLength(4000);
        RuleFor(x => x.DescriptionEn).MaximumLength(4000);
        RuleFor(x => x.Contacts).Must(c => c.Count <= 20).WithErrorCode("organization.too_many_contacts")
            .WithMessage(_ => Bilingual.T("联系人最多 20 位", "At most 20 contacts."));
        RuleForEach(x => x.Contacts).ChildRules(c =>
        {
            c.RuleFor(x => x.Name).NotEmpty().MaximumLength(100).WithName(_ => Bilingual.T("联系人姓名", "Contact name"));
            c.RuleFor(x => x.Email).EmailAddress().MaximumLength(200).When(x => !string.IsNullOrEmpty(x.Email));
            c.RuleFor(x => x.Phone).MaximumLength(40);
            c.RuleFor(x => x.Title).MaximumLength(100);
        });
    }

    private static bool IsChina(string? country) => string.Equals(country?.Trim(), "CHN", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CountryPattern();
}
