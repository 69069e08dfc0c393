using TechTransfer.SharedKernel;

namespace TechTransfer.Contracts.Domain;

/// <summary>How the contract reached the register (issue 5: three ways in).</summary>
public enum ContractOrigin
{
    /// <summary>卖方录入</summary>
    Manual = 1,
    /// <summary>由技术交易所成交预填</summary>
    ExchangeDeal = 2,
    /// <summary>由开放许可实施预填</summary>
    OpenLicenceGrant = 3,
    /// <summary>Excel 批量导入</summary>
    BulkImport = 4,
    /// <summary>由揭榜挂帅/挑战赛获奖预填</summary>
    ChallengeAward = 5,
}

/// <summary>The editable content of a technology contract (spec §2.1); the aggregate validates it.</summary>
public sealed record ContractDetails
{
    public required string ProjectName { get; init; }
    public required ContractCategory Category { get; init; }
    public ContractSubType SubType { get; init; }
    public ContractForm Form { get; init; } = ContractForm.Written;
    public required DateOnly SignedDate { get; init; }
    public required DateOnly ValidFrom { get; init; }
    public required DateOnly ValidTo { get; init; }
    public required IReadOnlyList<PartyInput> Parties { get; init; }
    /// <summary>技术合同成交额/合同交易总额</summary>
    public required decimal TotalAmount { get; init; }
    public IReadOnlyList<NonTechnicalItem> NonTechnicalItems { get; init; } = [];
    public PaymentTerms Payment { get; init; } = new(PaymentMode.LumpSumOnce);
    public IReadOnlyList<IpReference> IpRefs { get; init; } = [];
    public LicenceTerms? Licence { get; init; }
    /// <summary>财政资助项目</summary>
    public bool IsGovernmentFunded { get; init; }
    /// <summary>主管部门同意文件/任务书/立项通知 reference</summary>
    public string? ProjectApprovalDoc { get; init; }
    /// <summary>预计新增投入</summary>
    public decimal? ExpectedNewInvestment { get; init; }
    /// <summary>预计新增产值</summary>
    public decimal? ExpectedNewOutput { get; init; }
    /// <summary>混合合同 (R2.6): only the stated technical part is registered.</summary>
    public bool IsMixedContract { get; init; }
    public decimal? StatedTechnicalPartAmount { get; init; }
    /// <summary>外文合同 (needs a Chinese copy and a consistency undertaking).</summary>
    public bool IsForeignLanguage { get; init; }
    /// <summary>由内设机构/课题组签订 (needs an authorisation letter).</summary>
    public bool SignedByInternalUnit { get; init; }
    /// <summary>Consulting/service linked to a development or transfer (R2.12).</summary>
    public bool LinkedToDevelopmentOrTransfer { get; init; }
    /// <summary>技术领域 (statistics), free code such as "electronic-information".</summary>
    public string? TechnicalField { get; init; }
    public ContractOrigin Origin { get; init; } = ContractOrigin.Manual;
    /// <summary>The exchange deal or open-licence grant this was prefilled from.</summary>
    public string? OriginRef { get; init; }
    /// <summary>The achievements (科技成果) the contract transfers or licenses: certified income feeds their distribution.</summary>
    public IReadOnlyList<Guid> AchievementIds { get; init; } = [];
    /// <summary>
    /// R2.5: a training, consulting or service contract declared part of a development or transfer contract (this id). It is
    /// then registered with that main contract and refused as a separate registration.
    /// </summary>
    public Guid? PartOfContractId { get; init; }
    /// <summary>
    /// R2.13: of a transfer or licence, the fees for consulting, service or training that can be separated from the transfer
    /// (可分离的技术咨询、技术服务、技术培训费). They are not technology transfer income for the CIT relief.
    /// </summary>
    public decimal? SeparableServicesAmount { get; init; }

    /// <summary>The amount that may be registered: the stated technical part of a mixed contract (R2.6), else the total.</summary>
    public decimal RegisterableAmount => IsMixedContract && StatedTechnicalPartAmount is { } t ? t : TotalAmount;
}

/// <summary>Content validation of a contract (§2.1, R2.1, R2.5–R2.7, 民法典 845/865). Returns every failed field at once.</summary>
public static class ContractValidation
{
    public static IReadOnlyList<FieldError> Validate(ContractDetails d, ContractRuleSet rules)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(d.ProjectName)) errors.Add(ContractErrors.ProjectNameRequired);
        if (d.Form == ContractForm.Oral) errors.Add(ContractErrors.OralContract); // R2.7
        if (d.AchievementIds.Count > 20 || d.AchievementIds.Contains(Guid.Empty)) errors.Add(ContractErrors.AchievementIdsInvalid);

        // R2.5 before the generic pair check so the registrar sees the specific reason.
        if (d.SubType == ContractSubType.Training && d.Category is ContractCategory.Development or ContractCategory.Transfer)
            errors.Add(ContractErrors.TrainingInsideDevelopmentOrTransfer);
        else if (!ContractCategories.IsValidPair(d.Category, d.SubType, rules.LegacyCategories))
            errors.Add(ContractErrors.SubTypeNotInCategory(d.Category, d.SubType));
        if (d.SubType == ContractSubType.Training && d.IpRefs.Any(r => r.Disposition is IpDisposition.Assigned or IpDisposition.Licensed))
            errors.Add(ContractErrors.TrainingTransfersIp);
        if (d.PartOfContractId is { } main)
        {
            // R2.5: only training, consulting and service can be part of a development or transfer contract
            if (d.Category is not (ContractCategory.Consulting or ContractCategory.Service)) errors.Add(ContractErrors.PartOfOnlyForServices);
            else if (main == Guid.Empty) errors.Add(ContractErrors.PartOfContractInvalid);
        }

        if (d.ValidFrom > d.ValidTo) errors.Add(ContractErrors.ValidFromAfterValidTo);
        if (d.SignedDate > d.ValidTo) errors.Add(ContractErrors.SignedAfterTerm);

        if (d.TotalAmount < 0) errors.Add(ContractErrors.TotalAmountNegative);
        if (d.IsMixedContract && (d.StatedTechnicalPartAmount is not { } part || part <= 0 || part > d.TotalAmount))
            errors.Add(ContractErrors.MixedContractTechnicalPartNotStated); // R2.6
        for (var i = 0; i < d.NonTechnicalItems.Count; i++)
            if (d.NonTechnicalItems[i].Amount < 0) errors.Add(ContractErrors.ItemAmountNegative(i));
        var amount = TechTransactionAmountCalculator.Compute(d.RegisterableAmount, d.NonTechnicalItems, rules.MaxCarrierEquipmentSets);
        if (!amount.IsWithinRange) errors.Add(ContractErrors.TechAmountOutOfRange); // R2.1
        if (d.SeparableServicesAmount is { } separable)
        {
            if (ContractCategories.StatisticalCategory(d.Category, d.SubType) is not (ContractCategory.Transfer or ContractCategory.Licensing))
                errors.Add(ContractErrors.SeparableServicesOnlyForTransfer);
            else if (separable < 0 || separable > d.RegisterableAmount) errors.Add(ContractErrors.SeparableServicesOutOfRange);
        }

        ValidateParties(d.Parties, errors);
        ValidatePayment(d, errors);
        ValidateIp(d, errors);

        if (d.IsGovernmentFunded && string.IsNullOrWhiteSpace(d.ProjectApprovalDoc)) errors.Add(ContractErrors.ProjectApprovalMissing);
        if (rules.ExpectedInvestmentRequiredForTransfer && d.Category == ContractCategory.Transfer
            && !ContractCategories.IsLicence(d.Category, d.SubType)
            && (d.ExpectedNewInvestment is null || d.ExpectedNewOutput is null))
            errors.Add(ContractErrors.ExpectedInvestmentRequired);
        return errors;
    }

    private static void ValidateParties(IReadOnlyList<PartyInput> parties, List<FieldError> errors)
    {
        if (!parties.Any(p => p.Role == PartyRole.Seller)) errors.Add(ContractErrors.SellerRequired);
        if (!parties.Any(p => p.Role == PartyRole.Buyer)) errors.Add(ContractErrors.BuyerRequired);
        for (var i = 0; i < parties.Count; i++)
        {
            var p = parties[i];
            var country = PartyCountries.Normalize(p.CountryCode);
            if (string.IsNullOrWhiteSpace(p.Name)) errors.Add(ContractErrors.PartyNameRequired(i));
            if (!EntityNatures.IsValid(p.EntityNature)) errors.Add(ContractErrors.EntityNatureInvalid(i));
            if (country is null) errors.Add(ContractErrors.CountryCodeInvalid(i));
            if (country != PartyCountries.China) continue;
            if (!DivisionCodes.IsValid(p.DivisionCode)) errors.Add(ContractErrors.DivisionCodeInvalid(i));
            if (EntityNatures.IsNaturalPerson(p.EntityNature))
            {
                if (string.IsNullOrWhiteSpace(p.CreditCode)) errors.Add(ContractErrors.PersonIdRequired(i));
            }
            else if (!UnifiedSocialCreditCode.IsValid(p.CreditCode?.Trim().ToUpperInvariant()))
            {
                errors.Add(ContractErrors.CreditCodeInvalid(i));
            }
        }
    }

    private static void ValidatePayment(ContractDetails d, List<FieldError> errors)
    {
        var p = d.Payment;
        if (p.Mode is PaymentMode.Royalty or PaymentMode.EntryFeePlusRoyalty)
        {
            if (p.RoyaltyBase is null || p.RoyaltyRate is null || p.RoyaltyRateSchedule is null) errors.Add(ContractErrors.PaymentRoyaltyTermsMissing);
            else if (p.RoyaltyRate is <= 0 or > 1) errors.Add(ContractErrors.RoyaltyRateOutOfRange);
        }
        if (p.Mode == PaymentMode.EntryFeePlusRoyalty && p.EntryFee is not > 0) errors.Add(ContractErrors.EntryFeeMissing);
        if (p.Mode == PaymentMode.LumpSumInstallments && p.Schedule.Count == 0) errors.Add(ContractErrors.InstallmentsMissing);
        if (p.Schedule.Count > 0 && p.Schedule.Sum(i => i.Amount) > d.TotalAmount) errors.Add(ContractErrors.InstallmentsExceedTotal);
        for (var i = 0; i < p.Schedule.Count; i++)
            if (p.Schedule[i].Milestone is { Length: > Installment.MilestoneMax }) errors.Add(ContractErrors.InstallmentMilestoneTooLong(i, Installment.MilestoneMax));
    }

    private static void ValidateIp(ContractDetails d, List<FieldError> errors)
    {
        for (var i = 0; i < d.IpRefs.Count; i++)
        {
            var r = d.IpRefs[i];
            if (r.IsPatent && (string.IsNullOrWhiteSpace(r.Title) || string.IsNullOrWhiteSpace(r.Holder) || r.FilingDate is null
                               || (string.IsNullOrWhiteSpace(r.PatentNo) && string.IsNullOrWhiteSpace(r.ApplicationNo)) || r.ValidUntil is null))
                errors.Add(ContractErrors.PatentDetailsMissing(i));
        }
        if (!ContractCategories.IsLicence(d.Category, d.SubType)) return;
        if (d.Licence is not { } l || string.IsNullOrWhiteSpace(l.Territory))
        {
            errors.Add(ContractErrors.LicenceTermsRequired);
            return;
        }
        if (l.TermFrom > l.TermTo) errors.Add(ContractErrors.LicenceTermInvalid);
        // 民法典 865: a patent licence runs only within the patent's term.
        var expiries = d.IpRefs.Where(r => r.IsPatent && r.ValidUntil is not null).Select(r => r.ValidUntil!.Value).ToList();
        if (expiries.Count > 0 && l.TermTo > expiries.Min()) errors.Add(ContractErrors.LicenceTermAfterPatentExpiry);
    }
}
