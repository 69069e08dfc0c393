using TechTransfer.Data;
using TechTransfer.Data.Notifications;
using TechTransfer.Patents.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.Patents.Features;

/// <summary>
/// 站内通知 when rights end, written in the same transaction as the change (by the clock job or an office's status change):
/// a patent that lapsed for unpaid annual fees is announced to the patentee's transfer office; an open-licence declaration
/// that lapsed is announced to the patentee's transfer office and to every licensee organisation holding a pending or
/// effective grant under it (grants are taken by platform organisations, so each is a platform recipient).
/// </summary>
internal static class LapseNotices
{
    public static void PatentLapsedForFees(TechTransferDbContext db, Patent p, DateTimeOffset now) =>
        db.Add(Notification.ToOrganization(p.OwnerOrganizationId, Roles.InstitutionAdmin,
            Fit($"专利“{p.Title}”（{p.ApplicationNo}）未在宽限期内缴纳年费，专利权自 {p.LapsedOn:yyyy-MM-dd} 起终止（专利法实施细则第一百一十五条）"),
            Fit($"Patent \"{p.TitleEn ?? p.Title}\" ({p.ApplicationNo}) lapsed: the annual fee was not paid within the grace period; it terminated from {p.LapsedOn:yyyy-MM-dd} (Implementing Regulations art. 115)"),
            $"/patents/{p.Id}", now, NotificationKinds.PatentRights));

    public static void DeclarationLapsed(TechTransferDbContext db, OpenLicenseDeclaration d, DateTimeOffset now)
    {
        var (zh, en) = Reason(d.LapseReason);
        var link = $"/open-licenses/{d.Id}";
        db.Add(Notification.ToOrganization(d.PatenteeOrganizationId, Roles.InstitutionAdmin,
            Fit($"开放许可声明“{d.PatentTitle}”（{d.PatentNo}）已失效：{zh}"),
            Fit($"The open-licence declaration for \"{d.PatentTitle}\" ({d.PatentNo}) has lapsed: {en}"), link, now, NotificationKinds.PatentRights));
        foreach (var licensee in d.Grants.Where(g => g.Status != OpenLicenseGrantStatus.Cancelled).Select(g => g.LicenseeOrganizationId).Distinct())
            db.Add(Notification.ToOrganization(licensee, null,
                Fit($"您取得的开放许可所依据的声明“{d.PatentTitle}”（{d.PatentNo}）已失效：{zh}"),
                Fit($"The open-licence declaration your licence is under, \"{d.PatentTitle}\" ({d.PatentNo}), has lapsed: {en}"), link, now, NotificationKinds.PatentRights));
    }

    private static (string Zh, string En) Reason(OpenLicenseLapseReason? reason) => reason switch
    {
        OpenLicenseLapseReason.PatentTerminated => ("专利权已终止", "the patent terminated"),
        OpenLicenseLapseReason.PatentInvalidated => ("专利权已被宣告无效", "the patent was invalidated"),
        _ => ("许可期限或专利权期限已届满", "the licence term or the patent term ended"),
    };

    private static string Fit(string text) => text.Length <= 300 ? text : text[..299] + "…";
}
