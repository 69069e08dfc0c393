using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TechTransfer.Data;
using TechTransfer.Patents.Domain;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Workbench;

namespace TechTransfer.Patents.Features;

/// <summary>[CFG] How far ahead the workbench and the reminders look for annual fees falling due (<c>Patents:Workbench</c>).</summary>
public sealed class PatentWorkbenchOptions
{
    public const string Section = "Patents:Workbench";
    /// <summary>Days before an annual fee's due date from which the patent counts as expiring (1–366, default 60).</summary>
    public int FeeDueWithinDays { get; set; } = 60;
}

/// <summary>
/// The Patents module's workbench items. Transfer office: open-licence drafts, in-force patents whose annual fee falls due
/// within <see cref="PatentWorkbenchOptions.FeeDueWithinDays"/> (or is already unpaid, in the grace period), the custody
/// agreements it gave. Technology manager and exchange operator: the custody mandates their organisation operates.
/// </summary>
internal sealed class PatentWorkbench(TechTransferDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<PatentWorkbenchOptions> options)
    : IWorkbenchSource
{
    public async Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(ICurrentUser caller, CancellationToken ct)
    {
        var items = new List<WorkbenchItem>();
        if (caller.OrganizationId is not { } org) return items;
        if (caller.IsInRole(Roles.InstitutionAdmin))
        {
            var drafts = await db.Set<OpenLicenseDeclaration>().AsNoTracking()
                .CountAsync(d => d.PatenteeOrganizationId == org && d.Status == OpenLicenseStatus.Draft, ct);
            items.Add(new("patents.open_license_drafts", "开放许可声明草稿", "Open-licence drafts", drafts,
                "/open-licenses/mine?status=Draft", WorkbenchSection.ToDo, 30));
            var before = clock.Today().AddDays(options.Value.FeeDueWithinDays + 1);
            var expiring = db.Set<Patent>().AsNoTracking().Where(p => p.OwnerOrganizationId == org && p.LegalStatus == PatentLegalStatus.InForce
                && p.AnnualFeePaidUntil != null && p.AnnualFeePaidUntil < before);
            var count = await expiring.CountAsync(ct);
            var nearest = count == 0 ? null : await expiring.MinAsync(p => p.AnnualFeePaidUntil, ct);
            items.Add(new("patents.fees_due", $"{options.Value.FeeDueWithinDays} 天内到期或已欠缴年费的专利",
                $"Patents with an annual fee due within {options.Value.FeeDueWithinDays} days or unpaid", count,
                "/patents?status=InForce&feeDueBefore=" + before.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), WorkbenchSection.ToDo, 31,
                nearest, Urgent: nearest is { } n && n < clock.Today()));
            var inForce = await db.Set<Patent>().AsNoTracking().CountAsync(p => p.OwnerOrganizationId == org && p.LegalStatus == PatentLegalStatus.InForce, ct);
            items.Add(new("patents.in_force", "有效专利", "Patents in force", inForce, "/patents?status=InForce", WorkbenchSection.Figure, 30));
            var active = await db.Set<OpenLicenseDeclaration>().AsNoTracking()
                .CountAsync(d => d.PatenteeOrganizationId == org && d.Status == OpenLicenseStatus.Active, ct);
            items.Add(new("patents.open_licenses_active", "实施中的开放许可", "Open licences in force", active,
                "/open-licenses/mine?status=Active", WorkbenchSection.Figure, 31));
        }
        if (caller.IsInRole(Roles.TechManager) || caller.IsInRole(Roles.ExchangeOperator))
        {
            var mandates = db.Set<CustodyAgreement>().AsNoTracking().Where(a => a.OperatorOrganizationId == org && a.Status == CustodyStatus.Active);
            var count = await mandates.CountAsync(ct);
            var nearest = count == 0 ? (DateOnly?)null : await mandates.MinAsync(a => a.TermEnd, ct);
            items.Add(new("patents.custody_mandates", "受托运营的托管协议", "Custody mandates we operate", count,
                "/custody?role=operator&status=Active", WorkbenchSection.ToDo, 40, nearest));
        }
        return items;
    }
}
