using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using TechTransfer.Contracts.Domain;
using TechTransfer.Contracts.Domain.Calendar;
using TechTransfer.Data;
using TechTransfer.Data.Identity;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.References;

namespace TechTransfer.Contracts.Features.Workbench;

/// <summary>Bulk action on the workbench selection: <c>accept</c> or <c>assign</c> (with <c>assigneeUserId</c>).</summary>
public sealed record BulkActionRequest(string? Action, IReadOnlyList<Guid>? ContractIds, Guid? AssigneeUserId = null);

/// <summary>The outcome for one contract of a bulk action: applied, or the error that refused it.</summary>
public sealed record BulkItemResult(Guid ContractId, bool Succeeded, RegistrationStatus? Status, string? Code, string? Zh, string? En, int? HttpStatus);

public sealed record BulkActionResult(string Action, int Succeeded, int Failed, IReadOnlyList<BulkItemResult> Items);

public sealed record BulkExportRequest(IReadOnlyList<Guid>? ContractIds);

/// <summary>
/// Registrar bulk actions "where safe" (issue 5). Only steps that decide nothing about the contract's merits are offered in
/// bulk: accepting submitted contracts (受理: the clock starts) and assigning them to a registrar (分派). Registering,
/// rejecting, requesting supplements, expert review, changes, cancellation and revocation stay one contract at a time,
/// after the registrar has looked at the contract and its checks (R2.10: never auto-approval). Each contract is
/// validated and saved on its own (its own transaction and audit entry); one refusal does not stop the others.
/// </summary>
public sealed class ContractBulkService(TechTransferDbContext db, ICurrentUser user, ContractService contracts, TimeProvider clock)
{
    public const int MaxSelection = 200;
    public const string Accept = "accept";
    public const string Assign = "assign";

    public async Task<Result<BulkActionResult>> ApplyAsync(BulkActionRequest request, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Registrar)) return Error.Forbidden;
        var errors = new FieldErrors();
        var ids = (request.ContractIds ?? []).Distinct().ToList();
        if (ids.Count is 0 or > MaxSelection) errors.Add(ContractErrors.BulkSelectionInvalid(MaxSelection));
        var action = request.Action?.Trim().ToLowerInvariant();
        if (action is not (Accept or Assign)) errors.Add(ContractErrors.BulkActionUnknown);
        string? name = null;
        if (action == Assign)
        {
            // the assignee is a user id the request names: it must be a registrar (an unknown id reads the same)
            if (request.AssigneeUserId is not { } assignee) errors.Add(ContractErrors.Required("assigneeUserId", "承办登记员", "The registrar to assign to"));
            else if ((name = await RegistrarNameAsync(assignee, ct)) is null) errors.Add(ReferenceErrors.NotFound("assigneeUserId"));
        }
        if (errors.ToError() is { } invalid) return invalid;
        Func<Guid, Task<BulkItemResult>> apply = action == Accept
            ? async id => Item(id, await contracts.AcceptAsync(id, null, ct))
            : id => AssignOneAsync(id, request.AssigneeUserId!.Value, name!, ct);
        var items = new List<BulkItemResult>(ids.Count);
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear(); // nothing of a refused item is carried into the next one's transaction
            items.Add(await apply(id));
        }
        db.ChangeTracker.Clear();
        return new BulkActionResult(action!, items.Count(i => i.Succeeded), items.Count(i => !i.Succeeded), items);
    }

    /// <summary>Registrars the selection can be assigned to (for the workbench's select list).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> RegistrarsAsync(CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Registrar)) return [];
        var roleId = await RegistrarRoleIdAsync(ct);
        var users = await db.Set<IdentityUserRole<Guid>>().Where(r => r.RoleId == roleId).Select(r => r.UserId)
            .Join(db.Set<PlatformUser>(), id => id, u => u.Id, (_, u) => new { u.Id, u.DisplayName, u.UserName }).ToListAsync(ct);
        return users.Select(u => (u.Id, string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName ?? "" : u.DisplayName)).OrderBy(u => u.Item2).ToList();
    }

    /// <summary>The selected contracts as an Excel sheet (Chinese and English headers), in the order of the queue.</summary>
    public async Task<Result<byte[]>> ExportAsync(BulkExportRequest request, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Registrar)) return Error.Forbidden;
        var ids = (request.ContractIds ?? []).Distinct().ToList();
        if (ids.Count is 0 or > MaxSelection) return Error.Validation([ContractErrors.BulkSelectionInvalid(MaxSelection)]);
        var rows = await contracts.Visible().AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var today = BusinessTime.DateOf(clock.GetUtcNow());
        var data = rows.OrderBy(c => c.DueDate is null).ThenBy(c => c.DueDate).ThenBy(c => c.SubmittedAt).Select(c => new Dictionary<string, object?>
        {
            ["项目名称 Project"] = c.ProjectName,
            ["登记编号 Registration no."] = c.RegistrationNo,
            ["类别 Category"] = $"{ContractCategories.Label(c.Category).Zh} {c.Category}",
            ["状态 Status"] = $"{ContractErrors.StatusLabel(c.Status).Zh} {c.Status}",
            ["卖方 Seller"] = c.Parties.Where(p => p.Role == PartyRole.Seller).OrderBy(p => p.Order).Select(p => p.Name).FirstOrDefault(),
            ["买方 Buyer"] = c.Parties.Where(p => p.Role == PartyRole.Buyer).OrderBy(p => p.Order).Select(p => p.Name).FirstOrDefault(),
            ["成交额（元） Total (yuan)"] = c.TotalAmount,
            ["技术交易额申报（元） Declared tech. amount"] = c.DeclaredTechTransactionAmount,
            ["技术交易额核定（元） Assessed tech. amount"] = c.AssessedTechTransactionAmount,
            ["签订日期 Signed"] = c.SignedDate.ToString("yyyy-MM-dd"),
            ["办理期限 Due"] = c.DueDate?.ToString("yyyy-MM-dd"),
            ["超期 Overdue"] = c.IsOverdue(today) ? "是 yes" : "",
            ["疑似重复 Possible duplicate"] = c.PossibleDuplicate ? "是 yes" : "",
            ["承办登记员 Assigned to"] = c.AssignedRegistrarName,
            ["合同编号 Id"] = c.Id.ToString(),
        }).ToList();
        if (data.Count == 0) return ContractErrors.NotFound;
        using var ms = new MemoryStream();
        ms.SaveAs(data, sheetName: "合同");
        return ms.ToArray();
    }

    private async Task<BulkItemResult> AssignOneAsync(Guid id, Guid assignee, string name, CancellationToken ct)
    {
        var c = await contracts.FindAsync(id, ct);
        if (c is null) return Failed(id, ContractErrors.NotFound);
        var r = c.AssignRegistrar(assignee, name, user.UserId, clock.GetUtcNow());
        if (r.IsFailure) return Failed(id, r.Error!);
        if (await db.SaveOrConflictAsync(ct) is { } conflict) return Failed(id, conflict);
        return new BulkItemResult(id, true, c.Status, null, null, null, null);
    }

    private async Task<Guid> RegistrarRoleIdAsync(CancellationToken ct) =>
        await db.Set<PlatformRole>().Where(r => r.NormalizedName == Roles.Registrar.ToUpperInvariant()).Select(r => r.Id).FirstOrDefaultAsync(ct);

    private async Task<string?> RegistrarNameAsync(Guid userId, CancellationToken ct)
    {
        var roleId = await RegistrarRoleIdAsync(ct);
        if (!await db.Set<IdentityUserRole<Guid>>().AnyAsync(r => r.UserId == userId && r.RoleId == roleId, ct)) return null;
        var u = await db.Set<PlatformUser>().Where(x => x.Id == userId).Select(x => new { x.DisplayName, x.UserName }).SingleOrDefaultAsync(ct);
        return u is null ? null : string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName : u.DisplayName;
    }

    private static BulkItemResult Item(Guid id, Result<ContractResponse> r) =>
        r.IsFailure ? Failed(id, r.Error!) : new BulkItemResult(id, true, r.Value.Status, null, null, null, null);

    private static BulkItemResult Failed(Guid id, Error e) => new(id, false, null, e.Code, e.Zh, e.En, e.Status);
}
