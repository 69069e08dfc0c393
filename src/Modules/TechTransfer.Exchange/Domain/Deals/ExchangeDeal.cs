using TechTransfer.Exchange.Domain.Listings;
using TechTransfer.SharedKernel;

namespace TechTransfer.Exchange.Domain.Deals;

/// <summary>成交状态: Pending signatures → Confirmed (both signed) | Annulled (winner default / withdrawn).</summary>
public enum DealStatus
{
    /// <summary>待签署</summary>
    PendingSignatures = 1,
    /// <summary>已确认</summary>
    Confirmed = 2,
    /// <summary>已作废</summary>
    Annulled = 3,
}

/// <summary>成交方式: a sold auction lot, or a negotiated price confirmed after its public notice.</summary>
public enum DealOrigin
{
    /// <summary>拍卖成交</summary>
    Auction = 1,
    /// <summary>协议定价成交</summary>
    NegotiatedListing = 2,
}

/// <summary>价款结算方式</summary>
public enum DealSettlement
{
    /// <summary>一次性支付</summary>
    LumpSum = 1,
    /// <summary>分期（按里程碑）支付</summary>
    Instalments = 2,
}

/// <summary>成交标的类型</summary>
public enum DealObjectType
{
    /// <summary>科技成果</summary>
    Achievement = 1,
    /// <summary>专利</summary>
    Patents = 2,
}

/// <summary>One payment of an instalment settlement: due date (a business date), amount in yuan, the milestone it follows.</summary>
public sealed record DealInstalment(DateOnly DueDate, decimal AmountYuan, string? Milestone);

/// <summary>The terms a deal starts with (from the sold lot or the confirmed listing).</summary>
public sealed record DealTerms(
    DealOrigin Origin,
    Guid? ListingId,
    Guid? LotId,
    string Title,
    DealObjectType ObjectType,
    IReadOnlyList<Guid> ObjectIds,
    ListingDealType DealType,
    Guid SellerOrganizationId,
    Guid? BuyerOrganizationId,
    Guid? BuyerUserId,
    decimal PriceYuan,
    DealSettlement Settlement,
    IReadOnlyList<DealInstalment> Instalments,
    string? TitleEn = null);

/// <summary>
/// 成交 (R6.6, R6.11): the record of a sale on the exchange — a sold auction lot or a negotiated price confirmed after its
/// public notice — with the parties, the object, the deal type, the price, the commission of each side, the settlement and
/// the 成交确认书 signed in the platform by the buyer side and the exchange operator (recorded acceptance: who, when, the
/// SHA-256 of the PDF each signed). Both signatures → Confirmed; a winner's default or the operator's withdrawal → Annulled.
/// A confirmed deal becomes an <c>exchangeDeal</c> contract draft; the link is kept here.
/// </summary>
public sealed class ExchangeDeal : IAudited
{
    public const int TitleMax = 200, ReasonMax = 1000, MilestoneMax = 100, MaxInstalments = 24;
    public static readonly decimal MaxAmount = 100_000_000_000m;

    private ExchangeDeal() { }

    public Guid Id { get; private set; }
    public string DealNo { get; private set; } = "";
    public DealOrigin Origin { get; private set; }
    public Guid? ListingId { get; private set; }
    public Guid? LotId { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>The English title of what was sold (the listing's or the lot's), when it has one.</summary>
    public string? TitleEn { get; private set; }
    public DealObjectType ObjectType { get; private set; }
    /// <summary>The achievement id or the patent ids, comma-separated.</summary>
    public string ObjectIdsCsv { get; private set; } = "";
    public ListingDealType DealType { get; private set; }
    /// <summary>The transferor / licensor (the rights holder or the consignor).</summary>
    public Guid SellerOrganizationId { get; private set; }
    public Guid? BuyerOrganizationId { get; private set; }
    /// <summary>The winning bidder, or (negotiated deal) the buyer's user who signed.</summary>
    public Guid? BuyerUserId { get; private set; }
    public decimal PriceYuan { get; private set; }
    public decimal SellerCommissionPercent { get; private set; }
    public decimal BuyerCommissionPercent { get; private set; }
    public decimal SellerCommissionYuan { get; private set; }
    public decimal BuyerCommissionYuan { get; private set; }
    public DealSettlement Settlement { get; private set; }
    public List<DealInstalment> Instalments { get; private set; } = [];
    /// <summary>成交日期 (business date of the sale or of the operator's confirmation).</summary>
    public DateOnly DealDate { get; private set; }
    /// <summary>The price (and the commission) is due by this date (R6.11, [CFG] PaymentDays).</summary>
    public DateOnly PaymentDueOn { get; private set; }
    public DealStatus Status { get; private set; }
    public Guid? CreatedByUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public Guid? BuyerSignedByUserId { get; private set; }
    public DateTimeOffset? BuyerSignedAt { get; private set; }
    public string? BuyerSignedPdfSha256 { get; private set; }
    public Guid? OperatorSignedByUserId { get; private set; }
    public DateTimeOffset? OperatorSignedAt { get; private set; }
    public string? OperatorSignedPdfSha256 { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public DateOnly? ConfirmedOn { get; private set; }

    public DateTimeOffset? AnnulledAt { get; private set; }
    public string? AnnulmentReason { get; private set; }
    public Guid? AnnulledByUserId { get; private set; }

    /// <summary>The contract drafted from this deal (Contracts module id), with who linked it and when.</summary>
    public Guid? ContractId { get; private set; }
    public DateTimeOffset? ContractLinkedAt { get; private set; }
    public Guid? ContractLinkedByUserId { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    Guid? IAudited.AuditOrganizationId => SellerOrganizationId;

    public IReadOnlyList<Guid> ObjectIds => ObjectIdsCsv.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
    public decimal TotalCommissionYuan => SellerCommissionYuan + BuyerCommissionYuan;
    public bool IsLive => Status != DealStatus.Annulled;

    public static bool IsAmount(decimal value) => value > 0 && value <= MaxAmount && decimal.Round(value, 2) == value;

    /// <summary>Commission of one side: the rate (per cent) of the price, rounded to the fen (R6.6).</summary>
    public static decimal Commission(decimal price, decimal percent) => Yuan.Round(price * percent / 100m);

    /// <summary>The settlement of a deal (lump sum, or instalments that add up to the price), every problem at once.</summary>
    public static IReadOnlyList<FieldError> CheckSettlement(decimal price, DealSettlement settlement, IReadOnlyList<DealInstalment> instalments, DateOnly today)
    {
        var errors = new FieldErrors();
        if (!IsAmount(price)) errors.Add(DealErrors.PriceInvalid);
        if (settlement == DealSettlement.LumpSum)
        {
            if (instalments.Count > 0) errors.Add(DealErrors.InstalmentsNotAllowed);
            return errors.All;
        }
        if (instalments.Count < 2) return errors.Add(DealErrors.InstalmentsRequired).All;
        if (instalments.Count > MaxInstalments) return errors.Add(DealErrors.TooManyInstalments).All;
        var previous = DateOnly.MinValue;
        for (var i = 0; i < instalments.Count; i++)
        {
            var x = instalments[i];
            if (!IsAmount(x.AmountYuan) || x.DueDate < today || x.DueDate < previous) errors.Add(DealErrors.InstalmentInvalid(i));
            if (x.Milestone is { Length: > MilestoneMax }) errors.Add(DealErrors.TooLong($"instalments[{i}].milestone", MilestoneMax));
            previous = x.DueDate;
        }
        if (IsAmount(price) && instalments.All(x => IsAmount(x.AmountYuan)) && instalments.Sum(x => x.AmountYuan) != price)
            errors.Add(DealErrors.InstalmentsSum);
        return errors.All;
    }

    /// <summary>A new deal awaiting both signatures; the commission of each side from the configured rates (R6.6).</summary>
    public static ExchangeDeal Create(Guid id, DealTerms t, DealOptions options, Guid? createdBy, DateTimeOffset now)
    {
        var today = BusinessTime.DateOf(now);
        return new ExchangeDeal
        {
            Id = id,
            DealNo = $"CJ{today:yyyyMMdd}-{id.ToString("N")[..6].ToUpperInvariant()}",
            Origin = t.Origin,
            ListingId = t.ListingId,
            LotId = t.LotId,
            Title = t.Title.Length > TitleMax ? t.Title[..TitleMax] : t.Title,
            TitleEn = string.IsNullOrWhiteSpace(t.TitleEn) ? null : t.TitleEn.Length > TitleMax ? t.TitleEn[..TitleMax] : t.TitleEn,
            ObjectType = t.ObjectType,
            ObjectIdsCsv = string.Join(',', t.ObjectIds),
            DealType = t.DealType,
            SellerOrganizationId = t.SellerOrganizationId,
            BuyerOrganizationId = t.BuyerOrganizationId,
            BuyerUserId = t.BuyerUserId,
            PriceYuan = t.PriceYuan,
            SellerCommissionPercent = options.SellerCommissionPercent,
            BuyerCommissionPercent = options.BuyerCommissionPercent,
            SellerCommissionYuan = Commission(t.PriceYuan, options.SellerCommissionPercent),
            BuyerCommissionYuan = Commission(t.PriceYuan, options.BuyerCommissionPercent),
            Settlement = t.Settlement,
            Instalments = t.Instalments.Select(x => x with { Milestone = string.IsNullOrWhiteSpace(x.Milestone) ? null : x.Milestone.Trim() }).ToList(),
            DealDate = today,
            PaymentDueOn = t.Settlement == DealSettlement.Instalments && t.Instalments.Count > 0 ? t.Instalments[0].DueDate : today.AddDays(options.PaymentDays),
            Status = DealStatus.PendingSignatures,
            CreatedByUserId = createdBy,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Who may see the deal: its two parties' organisations, the exchange operator and platform administrators.</summary>
    public bool IsVisibleTo(ICurrentUser caller) =>
        caller.IsInRole(Roles.ExchangeOperator) || caller.IsInRole(Roles.PlatformAdmin) || IsParty(caller.OrganizationId);

    public bool IsParty(Guid? organizationId) =>
        organizationId is { } org && (org == SellerOrganizationId || org == BuyerOrganizationId);

    /// <summary>The roles that sign for the buyer (the bidder roles of the buyer's organisation).</summary>
    public static readonly string[] BuyerSignerRoles = [Roles.Enterprise, Roles.InstitutionAdmin, Roles.Researcher, Roles.TechManager];

    /// <summary>The side the caller signs for, or null: the exchange operator, or a user of the buyer organisation with a bidder role (the winner himself on a sold lot).</summary>
    public DealSide? SideOf(ICurrentUser caller)
    {
        if (caller.IsInRole(Roles.ExchangeOperator)) return DealSide.Operator;
        if (caller.OrganizationId is { } org && org == BuyerOrganizationId && caller.IsInAnyRole(BuyerSignerRoles)
            && (Origin != DealOrigin.Auction || BuyerUserId is null || caller.UserId == BuyerUserId)) return DealSide.Buyer;
        return null;
    }

    public bool HasSigned(DealSide side) => side == DealSide.Operator ? OperatorSignedAt is not null : BuyerSignedAt is not null;

    /// <summary>
    /// Recorded acceptance: the caller signs the 成交确认书 for its side with the SHA-256 of the PDF it was shown.
    /// Order: who (403) → state (409) → already signed (409). Both signed → Confirmed on that business date.
    /// </summary>
    public Result<DealSide> Sign(ICurrentUser caller, string pdfSha256, DateTimeOffset now)
    {
        if (SideOf(caller) is not { } side || caller.UserId is not { } userId) return DealErrors.NotASigner;
        if (Status != DealStatus.PendingSignatures) return DealErrors.NotPending;
        if (HasSigned(side)) return DealErrors.AlreadySigned;
        if (side == DealSide.Operator)
        {
            OperatorSignedByUserId = userId;
            OperatorSignedAt = now;
            OperatorSignedPdfSha256 = pdfSha256;
        }
        else
        {
            BuyerSignedByUserId = userId;
            BuyerSignedAt = now;
            BuyerSignedPdfSha256 = pdfSha256;
            BuyerUserId ??= userId;
        }
        if (OperatorSignedAt is not null && BuyerSignedAt is not null)
        {
            Status = DealStatus.Confirmed;
            ConfirmedAt = now;
            ConfirmedOn = BusinessTime.DateOf(now);
        }
        Touch(now);
        return side;
    }

    /// <summary>Annuls the deal (the winner defaulted, or the operator withdraws it with reasons); a confirmed deal may be annulled too.</summary>
    public Result Annul(Guid? byUserId, string reason, DateTimeOffset now)
    {
        if (Status == DealStatus.Annulled) return DealErrors.AlreadyAnnulled;
        Status = DealStatus.Annulled;
        AnnulledAt = now;
        AnnulledByUserId = byUserId;
        AnnulmentReason = reason.Length > ReasonMax ? reason[..ReasonMax] : reason;
        Touch(now);
        return Result.Success();
    }

    /// <summary>Whether a contract draft may be prepared from the deal: only once confirmed, never when annulled.</summary>
    public Result MayBecomeContract()
    {
        if (Status == DealStatus.Annulled) return DealErrors.Annulled;
        if (Status != DealStatus.Confirmed) return DealErrors.NotConfirmed;
        return BuyerOrganizationId is null ? DealErrors.NoBuyerOrganization : Result.Success();
    }

    /// <summary>Links the contract drafted from this deal; an existing link stays unless it is one of the superseded drafts.</summary>
    public Result LinkContract(Guid contractId, IReadOnlyList<Guid> superseded, Guid? userId, DateTimeOffset now)
    {
        if (MayBecomeContract() is { IsFailure: true } refused) return refused;
        if (ContractId is { } existing && !superseded.Contains(existing)) return DealErrors.ContractAlreadyLinked;
        ContractId = contractId;
        ContractLinkedAt = now;
        ContractLinkedByUserId = userId;
        Touch(now);
        return Result.Success();
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>Who signs a 成交确认书.</summary>
public enum DealSide
{
    /// <summary>买受人</summary>
    Buyer = 1,
    /// <summary>交易所</summary>
    Operator = 2,
}
