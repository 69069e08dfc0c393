using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using TechTransfer.Patents.Domain;
using TechTransfer.Patents.Features.Patents;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Search;

namespace TechTransfer.Patents.Features;

/// <summary>Patents in the search index: bibliographic data only (fees, pledges and licences stay in the module).
/// Granted patents are public information; pending applications are visible to the owning organisation only.</summary>
internal sealed class PatentSearchSource(PatentsDb data) : ISearchDocumentSource
{
    public (string Zh, string En)? StatusLabel(string status) =>
        Enum.TryParse<PatentLegalStatus>(status, out var s) && !int.TryParse(status, out _) ? EnumLabels.Of(s) : null;

    public string Type => SearchDocumentTypes.Patent;

    public async Task<SearchDocument?> LoadAsync(Guid id, CancellationToken ct)
    {
        var p = await data.Context.Set<Patent>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        return p is null ? null : ToDocument(p);
    }

    public async IAsyncEnumerable<SearchDocument> LoadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var p in data.Context.Set<Patent>().AsNoTracking().OrderBy(x => x.Id).AsAsyncEnumerable().WithCancellation(ct))
            yield return ToDocument(p);
    }

    internal static SearchDocument ToDocument(Patent p)
    {
        var type = EnumLabels.Of(p.Type);
        var status = EnumLabels.Of(p.LegalStatus);
        return new SearchDocument
        {
            Type = SearchDocumentTypes.Patent,
            Id = p.Id,
            Title = p.Title,
            TitleEn = p.TitleEn,
            Body = $"{type.Zh}专利 {p.ApplicationNo} {p.PublicationNo} 专利权人：{p.PatenteeNames} 法律状态：{status.Zh}",
            BodyEn = $"{type.En} patent {p.ApplicationNo} {p.PublicationNo} patentee: {p.PatenteeNames} status: {status.En}",
            Keywords = [p.ApplicationNo, .. p.PublicationNo is null ? Array.Empty<string>() : [p.PublicationNo]],
            IpcCodes = ClassificationCodes.Split(p.IpcCodes),
            OrganizationId = p.OwnerOrganizationId,
            OrganizationName = p.PatenteeNames,
            Status = p.LegalStatus.ToString(),
            Date = p.UpdatedAt,
            IsPublic = p.GrantAnnouncementDate is not null,
            VisibleToOrganizations = [p.OwnerOrganizationId],
            Url = $"/patents/{p.Id}",
        };
    }
}

/// <summary>Open licences in the search index: announced declarations are public; drafts only for the patentee.</summary>
internal sealed class OpenLicenseSearchSource(PatentsDb data) : ISearchDocumentSource
{
    public (string Zh, string En)? StatusLabel(string status) =>
        Enum.TryParse<OpenLicenseStatus>(status, out var s) && !int.TryParse(status, out _) ? OpenLicenseErrors.StatusLabel(s) : null;

    public string Type => SearchDocumentTypes.OpenLicense;

    public async Task<SearchDocument?> LoadAsync(Guid id, CancellationToken ct)
    {
        var d = await WithPatentTitleEn(data.Context.Set<OpenLicenseDeclaration>().AsNoTracking().Where(x => x.Id == id)).SingleOrDefaultAsync(ct);
        return d is null ? null : ToDocument(d.Declaration, d.PatentTitleEn);
    }

    public async IAsyncEnumerable<SearchDocument> LoadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var d in WithPatentTitleEn(data.Context.Set<OpenLicenseDeclaration>().AsNoTracking().OrderBy(x => x.Id)).AsAsyncEnumerable().WithCancellation(ct))
            yield return ToDocument(d.Declaration, d.PatentTitleEn);
    }

    /// <summary>Each declaration with its patent's English title (the declaration keeps a copy of the Chinese one).</summary>
    private IQueryable<DeclarationWithTitle> WithPatentTitleEn(IQueryable<OpenLicenseDeclaration> q) =>
        q.Select(d => new DeclarationWithTitle(d, data.Context.Set<Patent>().Where(p => p.Id == d.PatentId).Select(p => p.TitleEn).FirstOrDefault()));

    private sealed record DeclarationWithTitle(OpenLicenseDeclaration Declaration, string? PatentTitleEn);

    internal static SearchDocument ToDocument(OpenLicenseDeclaration d, string? patentTitleEn)
    {
        var mode = EnumLabels.Of(d.PaymentMode);
        var fee = d.FixedFeeYuan is { } f ? Yuan.Display(f, false) : d.RoyaltyRatePercent is { } r ? $"提成 {r}%" : "";
        var feeEn = d.FixedFeeYuan is { } f2 ? Yuan.Display(f2, true) : d.RoyaltyRatePercent is { } r2 ? $"royalty {r2}%" : "";
        var announced = d.Status is OpenLicenseStatus.Active or OpenLicenseStatus.WithdrawalSubmitted or OpenLicenseStatus.Withdrawn or OpenLicenseStatus.Lapsed;
        return new SearchDocument
        {
            Type = SearchDocumentTypes.OpenLicense,
            Id = d.Id,
            Title = $"开放许可：{d.PatentTitle}",
            TitleEn = $"Open licence: {(string.IsNullOrWhiteSpace(patentTitleEn) ? d.PatentTitle : patentTitleEn.Trim())}",
            Body = $"专利号 {d.PatentNo} 专利权人：{d.PatenteeNames} 支付方式：{mode.Zh} {fee} 许可期限 {d.LicenseTermStart:yyyy-MM-dd} 至 {d.LicenseTermEnd:yyyy-MM-dd} {d.OtherTerms}",
            BodyEn = $"Patent {d.PatentNo} patentee: {d.PatenteeNames} payment: {mode.En} {feeEn} term {d.LicenseTermStart:yyyy-MM-dd} to {d.LicenseTermEnd:yyyy-MM-dd} {d.OtherTermsEn}",
            Keywords = [d.PatentNo, "开放许可", "open licence"],
            PriceMinYuan = d.RequiredInitialPayment,
            PriceMaxYuan = d.FixedFeeYuan ?? d.RequiredInitialPayment,
            OrganizationId = d.PatenteeOrganizationId,
            OrganizationName = d.PatenteeNames,
            Status = d.Status.ToString(),
            Date = d.AnnouncementDate is { } a ? new DateTimeOffset(a.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : d.CreatedAt,
            IsPublic = announced,
            VisibleToOrganizations = [d.PatenteeOrganizationId],
            Url = $"/open-licenses/{d.Id}",
        };
    }
}
