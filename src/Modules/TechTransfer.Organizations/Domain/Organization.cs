using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Organizations;
using TechTransfer.SharedKernel.Regions;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Organizations.Domain;

/// <summary>机构类型: what an organisation is on the platform.</summary>
public enum OrganizationKind
{
    /// <summary>高等院校</summary>
    University = 1,
    /// <summary>科研院所</summary>
    ResearchInstitute = 2,
    /// <summary>医疗机构</summary>
    Hospital = 3,
    /// <summary>企业</summary>
    Enterprise = 4,
    /// <summary>技术转移机构</summary>
    TransferInstitution = 5,
    /// <summary>科技服务机构</summary>
    ServiceFirm = 6,
    /// <summary>政府部门</summary>
    GovernmentAgency = 7,
    /// <summary>技术交易所</summary>
    Exchange = 8,
    /// <summary>技术合同登记机构</summary>
    RegistrationOffice = 9,
}

public static class OrganizationKindText
{
    public static (string Zh, string En) Label(OrganizationKind kind) => kind switch
    {
        OrganizationKind.University => ("高等院校", "University"),
        OrganizationKind.ResearchInstitute => ("科研院所", "Research institute"),
        OrganizationKind.Hospital => ("医疗机构", "Hospital"),
        OrganizationKind.Enterprise => ("企业", "Enterprise"),
        OrganizationKind.TransferInstitution => ("技术转移机构", "Technology transfer institution"),
        OrganizationKind.ServiceFirm => ("科技服务机构", "Service firm"),
        OrganizationKind.GovernmentAgency => ("政府部门", "Government agency"),
        OrganizationKind.Exchange => ("技术交易所", "Technology exchange"),
        OrganizationKind.RegistrationOffice => ("技术合同登记机构", "Contract registration office"),
        _ => (kind.ToString(), kind.ToString()),
    };
}

/// <summary>A contact person of an organisation (联系人). Confidential: only the organisation and admins see it.</summary>
public sealed record OrganizationContact(string Name, string? Title, string? Phone, string? Email);

/// <summary>
/// 机构: a university, institute, hospital, enterprise, transfer institution, service firm, agency, exchange or
/// registration office. Names, code, nature and division are public (机构库); contacts are confidential.
/// </summary>
public sealed class Organization : IAudited, ISearchIndexed
{
    private List<OrganizationContact> _contacts = [];

    public Guid Id { get; private set; }
    public string NameZh { get; private set; } = "";
    public string? NameEn { get; private set; }
    /// <summary>统一社会信用代码; null only for foreign organisations.</summary>
    public string? CreditCode { get; private set; }
    public OrganizationKind Kind { get; private set; }
    /// <summary>单位性质 code (spec §1 EntityNature), e.g. 022 for a university.</summary>
    public string EntityNatureCode { get; private set; } = "";
    /// <summary>ISO 3166-1 alpha-3, e.g. CHN (normalised from alpha-2 or the customs numeric code, see <see cref="Countries"/>).</summary>
    public string CountryCode { get; private set; } = Countries.China;
    /// <summary>GB/T 2260 division code; required in China.</summary>
    public string? DivisionCode { get; private set; }
    public string? Address { get; private set; }
    public string? Website { get; private set; }
    public string? DescriptionZh { get; private set; }
    public string? DescriptionEn { get; private set; }
    public IReadOnlyList<OrganizationContact> Contacts => _contacts;
    /// <summary>
    /// Whose technology-transfer rules apply (R0.2): the floors of R4.2/R4.3 and the idle period of R5.3. Set by a
    /// platform administrator; proposed from the division when the organisation is registered.
    /// </summary>
    public Jurisdiction Jurisdiction { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>Optimistic concurrency token, incremented on every change.</summary>
    public int Version { get; private set; }

    Guid? IAudited.AuditOrganizationId => Id;
    string ISearchIndexed.SearchDocumentType => SearchDocumentTypes.Organization;

    private Organization() { }

    /// <summary>Registers an organisation; without an explicit jurisdiction, Shanghai's rules for a division in Shanghai, else national.</summary>
    public static Organization Register(OrganizationDetails details, DateTimeOffset now, Jurisdiction? jurisdiction = null)
    {
        var org = new Organization { Id = Guid.NewGuid(), CreatedAt = now };
        org.Apply(details, now);
        org.Jurisdiction = jurisdiction ?? DefaultJurisdiction(org.CountryCode, org.DivisionCode);
        org.Version = 1;
        return org;
    }

    public static Jurisdiction DefaultJurisdiction(string countryCode, string? divisionCode) =>
        countryCode == Countries.China && Divisions.IsInShanghai(divisionCode) ? Jurisdiction.Shanghai : Jurisdiction.National;

    /// <summary>A platform administrator sets whose rules apply (the caller's role is checked by the use case). True when it changed.</summary>
    public bool ChangeJurisdiction(Jurisdiction jurisdiction, DateTimeOffset now)
    {
        if (jurisdiction == Jurisdiction) return false;
        Jurisdiction = jurisdiction;
        UpdatedAt = now;
        return true;
    }

    public void Update(OrganizationDetails details, DateTimeOffset now)
    {
        Apply(details, now);
        Version++;
    }

    private void Apply(OrganizationDetails d, DateTimeOffset now)
    {
        NameZh = d.NameZh.Trim();
        NameEn = string.IsNullOrWhiteSpace(d.NameEn) ? null : d.NameEn.Trim();
        CreditCode = string.IsNullOrWhiteSpace(d.CreditCode) ? null : UnifiedSocialCreditCode.Normalize(d.CreditCode);
        Kind = d.Kind;
        EntityNatureCode = d.EntityNatureCode;
        CountryCode = Countries.Normalize(d.CountryCode) ?? d.CountryCode.Trim().ToUpperInvariant();
        DivisionCode = string.IsNullOrWhiteSpace(d.DivisionCode) ? null : d.DivisionCode.Trim();
        Address = d.Address;
        Website = d.Website;
        DescriptionZh = d.DescriptionZh;
        DescriptionEn = d.DescriptionEn;
        _contacts = d.Contacts.ToList();
        UpdatedAt = now;
    }
}

/// <summary>The editable fields of an organisation (checked by <c>OrganizationValidation</c> before they get here).</summary>
public sealed record OrganizationDetails(
    string NameZh,
    string? NameEn,
    string? CreditCode,
    OrganizationKind Kind,
    string EntityNatureCode,
    string CountryCode,
    string? DivisionCode,
    string? Address,
    string? Website,
    string? DescriptionZh,
    string? DescriptionEn,
    IReadOnlyList<OrganizationContact> Contacts);
