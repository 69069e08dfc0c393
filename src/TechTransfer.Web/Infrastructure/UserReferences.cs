using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.References;

namespace TechTransfer.Web.Infrastructure;

/// <summary>
/// Platform users named by id in a request (an achievement's completers and named viewers, an income plan's team, a
/// grant's beneficiaries …). Visibility, the same rule as the user administration's reads: a caller sees the users of
/// its own organisation; a platform administrator (and the system: jobs, the admin tool) sees every user. So a user of
/// another organisation, like an id that matches no user, is the 422 <c>reference.not_found</c>, with the same text.
/// Consequence: people named on an organisation's records are its own members; someone outside is named by name only
/// (a completer without an account) until a cross-organisation directory exists.
/// </summary>
internal sealed class UserReferences(TechTransferDbContext db) : IReferenceResolver
{
    public string RecordType => RecordTypes.User;

    public async Task<IReadOnlySet<Guid>> VisibleAsync(IReadOnlyCollection<Guid> ids, ICurrentUser caller, CancellationToken ct)
    {
        var users = db.Users.AsNoTracking().Where(u => ids.Contains(u.Id));
        if (!caller.IsInRole(Roles.PlatformAdmin))
        {
            if (caller.OrganizationId is not { } org) return new HashSet<Guid>();
            users = users.Where(u => u.OrganizationId == org);
        }
        return (await users.Select(u => u.Id).ToListAsync(ct)).ToHashSet();
    }
}
