using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.References;

namespace TechTransfer.Composition.Accounts;

/// <summary>
/// Platform users named by id in a request (an achievement's completers and named viewers, an income plan's team, a
/// grant's beneficiaries, a demand's or achievement's assigned technology manager …). Visibility: a caller sees the users
/// of its own organisation; a platform administrator (and the system: jobs, the admin tool) sees every user; and every
/// signed-in caller sees technology managers (技术经理人), who offer their services across organisations and are assigned
/// to other organisations' records. So a user of another organisation who is not a technology manager, like an id that
/// matches no user, is the 422 <c>reference.not_found</c>, with the same text. Consequence: people named on an
/// organisation's records are its own members; someone outside is named by name only (a completer without an account).
/// </summary>
internal sealed class UserReferences(TechTransferDbContext db) : IReferenceResolver
{
    public string RecordType => RecordTypes.User;

    public async Task<IReadOnlySet<Guid>> VisibleAsync(IReadOnlyCollection<Guid> ids, ICurrentUser caller, CancellationToken ct)
    {
        var users = db.Users.AsNoTracking().Where(u => ids.Contains(u.Id));
        if (!caller.IsInRole(Roles.PlatformAdmin))
        {
            var org = caller.OrganizationId;
            var managerRoleIds = db.Roles.Where(r => r.Name == Roles.TechManager).Select(r => r.Id);
            var managers = db.UserRoles.Where(ur => managerRoleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
            users = users.Where(u => (org != null && u.OrganizationId == org) || (caller.IsAuthenticated && managers.Contains(u.Id)));
        }
        return (await users.Select(u => u.Id).ToListAsync(ct)).ToHashSet();
    }
}
