namespace TechTransfer.SharedKernel;

/// <summary>The platform's roles. A user holds one or more roles within one organisation.</summary>
public static class Roles
{
    public const string PlatformAdmin = nameof(PlatformAdmin);
    /// <summary>技术转移办公室 (transfer office) staff of a research institution.</summary>
    public const string InstitutionAdmin = nameof(InstitutionAdmin);
    /// <summary>科研人员</summary>
    public const string Researcher = nameof(Researcher);
    /// <summary>企业</summary>
    public const string Enterprise = nameof(Enterprise);
    /// <summary>技术经理人</summary>
    public const string TechManager = nameof(TechManager);
    /// <summary>技术交易所运营</summary>
    public const string ExchangeOperator = nameof(ExchangeOperator);
    /// <summary>技术合同登记机构</summary>
    public const string Registrar = nameof(Registrar);
    /// <summary>政府分析人员</summary>
    public const string Analyst = nameof(Analyst);

    public static readonly IReadOnlyList<string> All =
        [PlatformAdmin, InstitutionAdmin, Researcher, Enterprise, TechManager, ExchangeOperator, Registrar, Analyst];

    public static (string Zh, string En) Label(string role) => role switch
    {
        PlatformAdmin => ("平台管理员", "Platform administrator"),
        InstitutionAdmin => ("技术转移办公室", "Transfer office"),
        Researcher => ("科研人员", "Researcher"),
        Enterprise => ("企业用户", "Enterprise"),
        TechManager => ("技术经理人", "Technology manager"),
        ExchangeOperator => ("交易所运营", "Exchange operator"),
        Registrar => ("合同登记员", "Contract registrar"),
        Analyst => ("政府分析员", "Government analyst"),
        _ => (role, role),
    };
}

/// <summary>Who is calling: identity, organisation and roles, read from the authenticated principal.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    Guid? UserId { get; }
    string? UserName { get; }
    Guid? OrganizationId { get; }
    bool IsInRole(string role);
}

public static class CurrentUserExtensions
{
    public static bool IsInAnyRole(this ICurrentUser user, params string[] roles) => roles.Any(user.IsInRole);

    /// <summary>True when the caller belongs to the given organisation.</summary>
    public static bool BelongsTo(this ICurrentUser user, Guid organizationId) =>
        user.OrganizationId is { } org && org == organizationId;
}
