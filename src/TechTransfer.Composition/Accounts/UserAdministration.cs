using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Data.Identity;
using TechTransfer.SharedKernel;

namespace TechTransfer.Composition.Accounts;

public sealed record UserSummary(Guid Id, string UserName, string DisplayName, Guid? OrganizationId, IReadOnlyList<string> Roles, bool LockedOut,
    string? Email = null, DateTimeOffset? PasswordChangedAt = null);

/// <summary>An administrator's edit of an account's profile: name, e-mail and organisation (roles and password have their own actions).</summary>
public sealed record UserProfile(string? DisplayName, string? Email, Guid? OrganizationId);

/// <summary>
/// Creates users (admin tool, platform admins, demo data) with their roles and organisation in one transaction, and
/// changes accounts in ways that end their sessions: lock, role change, password change, removal and sign-out change the
/// security stamp (or remove the user), which <see cref="UserSessions"/> and the cookie validator check within a minute.
/// </summary>
public sealed class UserAdministration(UserManager<PlatformUser> users, TechTransferDbContext db, TimeProvider clock, UserSessions sessions,
    TechTransfer.SharedKernel.References.IReferenceCheck references)
{
    public async Task<Result<PlatformUser>> CreateAsync(string userName, string displayName, string password, IReadOnlyList<string> roles,
        Guid? organizationId, CancellationToken ct = default)
    {
        if (CheckRoles(roles, organizationId) is { } invalid) return invalid;

        var now = clock.GetUtcNow();
        var user = new PlatformUser { Id = Guid.NewGuid(), UserName = userName, DisplayName = displayName, OrganizationId = organizationId, CreatedAt = now, PasswordChangedAt = now };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return IdentityFailure(created);
        var added = await users.AddToRolesAsync(user, roles);
        if (!added.Succeeded) return IdentityFailure(added);
        await tx.CommitAsync(ct);
        return user;
    }

    /// <summary>An account locked at <paramref name="now"/> (the admin workbench's "locked accounts" counts the same).</summary>
    public static System.Linq.Expressions.Expression<Func<PlatformUser, bool>> LockedAt(DateTimeOffset now) =>
        u => u.LockoutEnd != null && u.LockoutEnd > now;

    /// <summary>
    /// The accounts (of one organisation, or all), optionally only the locked (or unlocked) ones and those holding a
    /// role; an unknown role is the 422 <see cref="UserErrors.UnknownRole"/>.
    /// </summary>
    public async Task<Result<IReadOnlyList<UserSummary>>> ListAsync(Guid? organizationId, UserFilter filter, CancellationToken ct)
    {
        var q = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Role))
        {
            var role = Roles.All.FirstOrDefault(r => string.Equals(r, filter.Role.Trim(), StringComparison.OrdinalIgnoreCase));
            if (role is null) return UserErrors.UnknownRole([filter.Role.Trim()]);
            var normalized = role.ToUpperInvariant();
            q = q.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == normalized)));
        }
        var now = clock.GetUtcNow();
        if (filter.Locked is { } locked) q = locked ? q.Where(LockedAt(now)) : q.Where(u => u.LockoutEnd == null || u.LockoutEnd <= now);
        if (organizationId is { } org) q = q.Where(u => u.OrganizationId == org);
        var list = await q.OrderBy(u => u.UserName).ToListAsync(ct);
        var roleNames = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        return list.Select(u => Summary(u, roleNames.Where(x => x.UserId == u.Id).Select(x => x.Name!), now)).ToList();
    }

    /// <summary>One account for the administrator's edit page and API.</summary>
    public async Task<Result<UserSummary>> GetAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return UserErrors.NotFound;
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name).ToListAsync(ct);
        return Summary(user, roles!, clock.GetUtcNow());
    }

    private static UserSummary Summary(PlatformUser u, IEnumerable<string> roles, DateTimeOffset now) =>
        new(u.Id, u.UserName!, u.DisplayName, u.OrganizationId, roles.OrderBy(x => x, StringComparer.Ordinal).ToList(),
            u.LockoutEnd is { } end && end > now, u.Email, u.PasswordChangedAt);

    /// <summary>
    /// Changes an account's name, e-mail and organisation. The body is checked first (name required, e-mail well-formed,
    /// organisation required unless the account is a platform admin); a new organisation ends the account's sessions,
    /// because its claims carry the organisation. A concurrent save of the same account is the 409 conflict.
    /// </summary>
    public async Task<Result> UpdateAsync(Guid userId, UserProfile profile, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(profile.DisplayName)) errors.Add(UserErrors.DisplayNameRequired);
        var email = string.IsNullOrWhiteSpace(profile.Email) ? null : profile.Email.Trim();
        if (email is not null && !System.Net.Mail.MailAddress.TryCreate(email, out _)) errors.Add(UserErrors.EmailInvalid);
        if (profile.OrganizationId is { } orgId
            && await references.CheckAsync("organizationId", TechTransfer.SharedKernel.References.RecordTypes.Organization, orgId, ct) is { } unknownOrg)
            errors.Add(unknownOrg);
        if (errors.ToError() is { } invalid) return invalid;
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return UserErrors.NotFound;
        if (profile.OrganizationId is null && !await users.IsInRoleAsync(user, Roles.PlatformAdmin)) return UserErrors.OrganizationRequired;
        var organisationChanged = user.OrganizationId != profile.OrganizationId;
        user.DisplayName = profile.DisplayName!.Trim();
        user.OrganizationId = profile.OrganizationId;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await Chain(
            () => users.SetEmailAsync(user, email),
            () => organisationChanged ? users.UpdateSecurityStampAsync(user) : users.UpdateAsync(user));
        if (!result.Succeeded) return IdentityFailure(result);
        await tx.CommitAsync(ct);
        if (organisationChanged) sessions.Forget(userId);
        return Result.Success();
    }

    /// <summary>
    /// An administrator sets a new password for an account (a forgotten password; the admin hands it over in person). The
    /// password rules apply; every session of the account ends; the time is recorded (and audited) as PasswordChangedAt.
    /// </summary>
    public async Task<Result> ResetPasswordAsync(Guid userId, string? newPassword, Guid? actingUserId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(newPassword)) return Error.Validation([UserErrors.NewPasswordRequired]);
        if (userId == actingUserId) return UserErrors.CannotChangeSelf;
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return UserErrors.NotFound;
        foreach (var validator in users.PasswordValidators)
        {
            var valid = await validator.ValidateAsync(users, user, newPassword);
            if (!valid.Succeeded) return IdentityFailure(valid, passwordField: "newPassword");
        }
        user.PasswordChangedAt = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await Chain(
            () => users.RemovePasswordAsync(user),
            () => users.AddPasswordAsync(user, newPassword),
            () => users.ResetAccessFailedCountAsync(user));
        if (!result.Succeeded) return IdentityFailure(result, passwordField: "newPassword");
        await tx.CommitAsync(ct);
        sessions.Forget(userId);
        return Result.Success();
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
        user.PasswordChangedAt = clock.GetUtcNow();
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
        result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)) ? Error.ConcurrencyConflict : Error.Validation(result.Errors.Select(e => BilingualIdentityErrorDescriber.FieldErrorOf(e, passwordField)).ToList());
}

/// <summary>The user list's filters: only locked (true) or unlocked (false) accounts, only holders of a role.</summary>
public sealed record UserFilter(bool? Locked = null, string? Role = null);
