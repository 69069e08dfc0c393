namespace TechTransfer.SharedKernel;

/// <summary>
/// The one caller model as a value: who acts (user, organisation, roles). Use cases take <see cref="ICurrentUser"/>
/// from DI (the HTTP caller, or this value for jobs, the admin tool and tests); domain methods that must know who acts
/// take an <see cref="ICurrentUser"/> too, so rules are tested with a plain <c>Caller</c>. No module defines its own
/// actor type.
/// </summary>
public sealed record Caller(Guid? UserId, string? UserName, Guid? OrganizationId, IReadOnlySet<string> Roles) : ICurrentUser
{
    /// <summary>Anonymous when it names neither a user nor a name (see <see cref="Anonymous"/>).</summary>
    public bool IsAuthenticated => UserId is not null || UserName is not null;

    public static Caller Anonymous { get; } = new(null, null, null, new HashSet<string>());

    public bool IsInRole(string role) => Roles.Contains(role);

    public static Caller Of(Guid userId, Guid? organizationId, params string[] roles) =>
        new(userId, null, organizationId, new HashSet<string>(roles, StringComparer.Ordinal));

    /// <summary>The platform itself (jobs, seeding, the admin tool): a platform administrator with no organisation.</summary>
    public static Caller System(string name = "system") =>
        new(null, name, null, new HashSet<string>([SharedKernel.Roles.PlatformAdmin], StringComparer.Ordinal));

    /// <summary>A snapshot of any caller (e.g. the HTTP caller), for code that keeps it beyond the request.</summary>
    public static Caller From(ICurrentUser user) =>
        user as Caller ?? (!user.IsAuthenticated ? Anonymous : new(user.UserId, user.UserName, user.OrganizationId,
            new HashSet<string>(SharedKernel.Roles.All.Where(user.IsInRole), StringComparer.Ordinal)));
}
