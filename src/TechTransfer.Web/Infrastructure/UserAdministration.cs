using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Data.Identity;
using TechTransfer.SharedKernel;

namespace TechTransfer.Web.Infrastructure;

public sealed record UserSummary(Guid Id, string UserName, string DisplayName, Guid? OrganizationId, IReadOnlyList<string> Roles, bool LockedOut);

/// <summary>Creates users (admin tool, platform admins, demo data) with their roles and organisation in one transaction.</summary>
public sealed class UserAdministration(UserManager<PlatformUser> users, TechTransferDbContext db, TimeProvider clock)
{
    public async Task<Result<PlatformUser>> CreateAsync(string userName, string displayName, string password, IReadOnlyList<string> roles,
        Guid? organizationId, CancellationToken ct = default)
    {
        var unknown = roles.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0)
            return Error.Validation("roles", "user.unknown_role", $"未知角色：{string.Join(", ", unknown)}", $"Unknown role: {string.Join(", ", unknown)}.");
        if (roles.Count == 0)
            return Error.Validation("roles", "user.role_required", "至少需要一个角色", "At least one role is needed.");
        if (!roles.Contains(Roles.PlatformAdmin) && organizationId is null)
            return Error.Validation("organizationId", "user.organization_required", "除平台管理员外，用户须属于一个机构", "Users other than platform admins belong to an organisation.");

        var user = new PlatformUser { Id = Guid.NewGuid(), UserName = userName, DisplayName = displayName, OrganizationId = organizationId, CreatedAt = clock.GetUtcNow() };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return IdentityFailure(created);
        var added = await users.AddToRolesAsync(user, roles);
        if (!added.Succeeded) return IdentityFailure(added);
        await tx.CommitAsync(ct);
        return user;
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync(Guid? organizationId, CancellationToken ct)
    {
        var q = db.Users.AsNoTracking();
        if (organizationId is { } org) q = q.Where(u => u.OrganizationId == org);
        var list = await q.OrderBy(u => u.UserName).ToListAsync(ct);
        var roleNames = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return list.Select(u => new UserSummary(u.Id, u.UserName!, u.DisplayName, u.OrganizationId,
            roleNames.Where(x => x.UserId == u.Id).Select(x => x.Name!).OrderBy(x => x).ToList(),
            u.LockoutEnd is { } end && end > now)).ToList();
    }

    private static Error IdentityFailure(IdentityResult result)
    {
        var fields = result.Errors.Select(e =>
        {
            var (zh, en) = BilingualIdentityErrorDescriber.Both(e);
            return new FieldError(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "userName", "identity." + e.Code, zh, en);
        }).ToList();
        return Error.Validation(fields);
    }
}
