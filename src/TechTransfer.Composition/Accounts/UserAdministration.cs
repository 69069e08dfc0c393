using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Data.Identity;
using TechTransfer.SharedKernel;

namespace TechTransfer.Composition.Accounts;

public sealed record UserSummary(Guid Id, string UserName, string DisplayName, Guid? OrganizationId, IReadOnlyList<string> Roles, bool LockedOut);

/// <summary>
/// Creates users (admin tool, platform admins, demo data) with their roles and organisation in one transaction, and
/// changes accounts in ways that end their sessions: lock, role change, password change, removal and sign-out change the
/// security stamp (or remove the user), which <see cref="UserSessions"/> and the cookie validator check within a minute.
/// </summary>
public sealed class UserAdministration(UserManager<PlatformUser> users, TechTransferDbContext db, TimeProvider clock, UserSessions sessions)
{
    public async Task<Result<PlatformUser>> CreateAsync(string userName, string displayName, string password, IReadOnlyList<string> roles,
        Guid? organizationId, CancellationToken ct = default)
    {
        if (CheckRoles(roles, organizationId) is { } invalid) return invalid;

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

    /// <summary>Ends every session of the user (sign-out everywhere): a new security stamp.</summary>
    public async Task<Result> EndSessionsAsync(Guid userId, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return UserErrors.NotFound;
        var result = await users.UpdateSecurityStampAsync(user);
        sessions.Forget(userId);
        return result.Succeeded ? Result.Success() : IdentityFailure(result);
    }

    /// <summary>Locks the account until an administrator unlocks it; its sessions end.</summary>
    public async Task<Result> LockAsync(Guid userId, Guid? actingUserId, CancellationToken ct = default)
    {
        if (userId == actingUserId) return UserErrors.CannotChangeSelf;
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return UserErrors.NotFound;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await Chain(
            () => users.SetLockoutEnabledAsync(user, true),
            () => users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue),
            () => users.UpdateSecurityStampAsync(user));
        if (!result.Succeeded) return IdentityFailure(result);
        await tx.CommitAsync(ct);
        sessions.Forget(userId);
        return Result.Success();
    }

    /// <summary>Lifts a lockout (an administrator's or one from failed sign-ins) and clears the failure count.</summary>
    public async Task<Result> UnlockAsync(Guid userId, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return UserErrors.NotFound;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await Chain(
            () => users.SetLockoutEndDateAsync(user, null),
            () => users.ResetAccessFailedCountAsync(user));
        if (!result.Succeeded) return IdentityFailure(result);
        await tx.CommitAsync(ct);
        sessions.Forget(userId);
        return Result.Success();
    }

    /// <summary>Replaces the account's roles; its sessions end, so the next sign-in carries the new roles.</summary>
    public async Task<Result> SetRolesAsync(Guid userId, IReadOnlyList<string> roles, Guid? actingUserId, CancellationToken ct = default)
    {
        if (userId == actingUserId) return UserErrors.CannotChangeSelf;
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return UserErrors.NotFound;
        if (CheckRoles(roles, user.OrganizationId) is { } invalid) return invalid;
        var current = await users.GetRolesAsync(user);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await Chain(
            () => users.RemoveFromRolesAsync(user, current.Except(roles)),
            () => users.AddToRolesAsync(user, roles.Except(current)),
            () => users.UpdateSecurityStampAsync(user));
        if (!result.Succeeded) return IdentityFailure(result);
        await tx.CommitAsync(ct);
        sessions.Forget(userId);
        return Result.Success();
    }

    /// <summary>Removes the account (its roles, claims and tokens with it); the audit log keeps its id and name.</summary>
    public async Task<Result> RemoveAsync(Guid userId, Guid? actingUserId, CancellationToken ct = default)
    {
        if (userId == actingUserId) return UserErrors.CannotChangeSelf;
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return UserErrors.NotFound;
        var result = await users.DeleteAsync(user);
        sessions.Forget(userId);
        return result.Succeeded ? Result.Success() : IdentityFailure(result);
    }

    /// <summary>The user's own password change (the current password is required); Identity renews the stamp, so every session ends.</summary>
    public async Task<Result> ChangePasswordAsync(Guid userId, string? currentPassword, string? newPassword, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(currentPassword)) errors.Add(AuthErrors.CurrentPasswordRequired);
        if (string.IsNullOrEmpty(newPassword)) errors.Add(AuthErrors.NewPasswordRequired);
        if (errors.ToError() is { } invalid) return invalid;
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return UserErrors.NotFound;
        var result = await users.ChangePasswordAsync(user, currentPassword!, newPassword!);
        if (!result.Succeeded)
            return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                ? AuthErrors.WrongCurrentPassword
                : IdentityFailure(result, passwordField: "newPassword");
        sessions.Forget(userId);
        return Result.Success();
    }

    private static Error? CheckRoles(IReadOnlyList<string> roles, Guid? organizationId)
    {
        var unknown = roles.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0)
            return UserErrors.UnknownRole(unknown);
        if (roles.Count == 0) return UserErrors.RoleRequired;
        if (!roles.Contains(Roles.PlatformAdmin) && organizationId is null) return UserErrors.OrganizationRequired;
        return null;
    }

    /// <summary>Runs Identity steps in order, stopping at the first failure.</summary>
    private static async Task<IdentityResult> Chain(params Func<Task<IdentityResult>>[] steps)
    {
        foreach (var step in steps)
        {
            var result = await step();
            if (!result.Succeeded) return result;
        }
        return IdentityResult.Success;
    }

    private static Error IdentityFailure(IdentityResult result, string passwordField = "password") =>
        Error.Validation(result.Errors.Select(e => BilingualIdentityErrorDescriber.FieldErrorOf(e, passwordField)).ToList());
}
