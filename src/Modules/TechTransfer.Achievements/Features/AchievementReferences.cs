using Microsoft.EntityFrameworkCore;
using TechTransfer.Achievements.Domain;
using TechTransfer.Data;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.References;

namespace TechTransfer.Achievements.Features;

/// <summary>Achievements other modules name by id (a patent's achievement, a contract's achievements): visible ones only.</summary>
internal sealed class AchievementReferences(TechTransferDbContext db) : IReferenceResolver
{
    public string RecordType => RecordTypes.Achievement;

    public async Task<IReadOnlySet<Guid>> VisibleAsync(IReadOnlyCollection<Guid> ids, ICurrentUser caller, CancellationToken ct)
    {
        var found = await db.Set<Achievement>().AsNoTracking().Where(AchievementService.Visible(caller))
            .Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        return found.ToHashSet();
    }
}

internal static class ReferenceCheckExtensions
{
    /// <summary>Checks each named platform user (completers, viewers, team members) at its own field; one 422 entry per id not visible.</summary>
    public static async Task<IReadOnlyList<FieldError>> UsersAsync(this IReferenceCheck references, IEnumerable<(string Field, Guid UserId)> users, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        foreach (var (field, id) in users)
            if (await references.CheckAsync(field, RecordTypes.User, id, ct) is { } e) errors.Add(e);
        return errors;
    }
}
