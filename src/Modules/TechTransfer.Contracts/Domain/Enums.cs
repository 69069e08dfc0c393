namespace TechTransfer.Contracts.Domain;

/// <summary>技术合同类别 (spec §1; 民法典 843–887; five classes in statistics since 2022).</summary>
public enum ContractCategory
{
    /// <summary>技术开发</summary>
    Development = 1,
    /// <summary>技术转让</summary>
    Transfer = 2,
    /// <summary>技术许可</summary>
    Licensing = 3,
    /// <summary>技术咨询</summary>
    Consulting = 4,
    /// <summary>技术服务</summary>
    Service = 5,
}

/// <summary>合同子类 (spec §1). <see cref="None"/> for categories without sub-types (Consulting).</summary>
public enum ContractSubType
{
    None = 0,
    /// <summary>委托开发</summary>
    Commissioned = 10,
    /// <summary>合作开发</summary>
    Cooperative = 11,
    /// <summary>专利权转让</summary>
    PatentAssignment = 20,
    /// <summary>专利申请权转让</summary>
    PatentApplicationRightAssignment = 21,
    /// <summary>技术秘密转让</summary>
    TechnicalSecretTransfer = 22,
    /// <summary>其他知识产权转让 (集成电路布图设计、植物新品种、计算机软件)</summary>
    OtherIpTransfer = 23,
    /// <summary>专利实施许可</summary>
    PatentLicense = 30,
    /// <summary>技术秘密使用许可</summary>
    TechnicalSecretLicense = 31,
    /// <summary>其他知识产权许可</summary>
    OtherIpLicense = 32,
    /// <summary>技术服务</summary>
    GeneralService = 50,
    /// <summary>技术培训</summary>
    Training = 51,
    /// <summary>技术中介</summary>
    Intermediary = 52,
}

/// <summary>合同形式. Only written (incl. electronic) contracts can be registered (R2.7).</summary>
public enum ContractForm
{
    /// <summary>书面</summary>
    Written = 1,
    /// <summary>电子合同</summary>
    Electronic = 2,
    /// <summary>口头</summary>
    Oral = 3,
}

/// <summary>许可方式</summary>
public enum LicenseScope
{
    /// <summary>独占</summary>
    Exclusive = 1,
    /// <summary>排他</summary>
    Sole = 2,
    /// <summary>普通</summary>
    NonExclusive = 3,
}

/// <summary>支付方式 (民法典 846)</summary>
public enum PaymentMode
{
    /// <summary>一次总算一次总付</summary>
    LumpSumOnce = 1,
    /// <summary>一次总算分期支付</summary>
    LumpSumInstallments = 2,
    /// <summary>提成支付</summary>
    Royalty = 3,
    /// <summary>提成支付附加预付入门费</summary>
    EntryFeePlusRoyalty = 4,
    /// <summary>作价投资</summary>
    Equity = 5,
}

/// <summary>提成基数</summary>
public enum RoyaltyBase
{
    ProductPrice = 1,
    IncrementalOutputValue = 2,
    Profit = 3,
    SalesRevenue = 4,
    Other = 5,
}

/// <summary>提成比例安排</summary>
public enum RoyaltyRateSchedule
{
    Fixed = 1,
    IncreasingYearly = 2,
    DecreasingYearly = 3,
}

/// <summary>非技术性款项类别</summary>
public enum NonTechnicalItemKind
{
    /// <summary>设备</summary>
    Equipment = 1,
    /// <summary>仪器</summary>
    Instrument = 2,
    /// <summary>零部件</summary>
    Parts = 3,
    /// <summary>原材料</summary>
    RawMaterial = 4,
    /// <summary>其他非技术性款项</summary>
    OtherNonTech = 5,
}

/// <summary>合同当事方的角色: 卖方 (研究开发人/让与人/许可人/受托人/培训人/中介人) or 买方.</summary>
public enum PartyRole
{
    Seller = 1,
    Buyer = 2,
}

/// <summary>知识产权类型</summary>
public enum IpKind
{
    Patent = 1,
    PatentApplication = 2,
    TechnicalSecret = 3,
    Software = 4,
    IcLayoutDesign = 5,
    PlantVariety = 6,
    Other = 7,
}

/// <summary>What the contract does with the IP right.</summary>
public enum IpDisposition
{
    /// <summary>转让 (rights change hands)</summary>
    Assigned = 1,
    /// <summary>许可</summary>
    Licensed = 2,
    /// <summary>仅引用/使用</summary>
    Referenced = 3,
}

/// <summary>附件类别 (spec §2.1 Attachments)</summary>
public enum AttachmentKind
{
    /// <summary>合同文本 (含电子合同)</summary>
    ContractText = 1,
    /// <summary>外文合同的中文译本</summary>
    ChineseTranslation = 2,
    /// <summary>中外文一致性承诺</summary>
    ConsistencyUndertaking = 3,
    /// <summary>授权委托书 (内部机构/课题组签订时)</summary>
    AuthorisationLetter = 4,
    /// <summary>技术性收入核定表</summary>
    TechnicalIncomeAssessmentForm = 5,
    /// <summary>承诺书</summary>
    Undertaking = 6,
    /// <summary>政府项目批准文件 (任务书/立项通知/主管部门同意)</summary>
    ProjectApproval = 7,
    /// <summary>补正材料</summary>
    Supplement = 8,
    Other = 9,
}

/// <summary>登记状态 (spec §2.3)</summary>
public enum RegistrationStatus
{
    /// <summary>草稿</summary>
    Draft = 0,
    /// <summary>已提交</summary>
    Submitted = 1,
    /// <summary>已受理 (clock running)</summary>
    Accepted = 2,
    /// <summary>待补正</summary>
    SupplementRequested = 3,
    /// <summary>专家评审</summary>
    ExpertReview = 4,
    /// <summary>已登记</summary>
    Registered = 5,
    /// <summary>不予登记 (legacy marking 未予登记)</summary>
    Rejected = 6,
    /// <summary>已变更登记</summary>
    ChangeRegistered = 7,
    /// <summary>已注销登记</summary>
    Cancelled = 8,
    /// <summary>已撤销登记</summary>
    Revoked = 9,
    /// <summary>异议中</summary>
    ObjectionFiled = 10,
    /// <summary>异议已处理</summary>
    ObjectionResolved = 11,
}

/// <summary>不予登记原因 (MOST Torch list 2021 + Art.39).</summary>
public enum RejectionReason
{
    InvalidOrNotEffective = 1,
    NotTechnologyContract = 2,
    PartiesUnclear = 3,
    SubjectUnclear = 4,
    PriceOrRoyaltyUnclear = 5,
    ApprovalMissing = 6,
    NameMismatchNotCorrected = 7,
    MonopolisticOrInfringingClause = 8,
    SupportingDocsMissing = 9,
    SealMismatch = 10,
    /// <summary>其他 (text required)</summary>
    Other = 99,
}

/// <summary>撤销登记原因 (Shanghai 2025).</summary>
public enum RevocationReason
{
    FalseContractOrFraud = 1,
    ContractInvalidatedNoCancellation = 2,
    DuplicateRegistration = 3,
    /// <summary>其他 (text required)</summary>
    Other = 99,
}

/// <summary>异议处理结果</summary>
public enum ObjectionOutcome
{
    /// <summary>异议成立</summary>
    Upheld = 1,
    /// <summary>异议不成立</summary>
    Dismissed = 2,
}

/// <summary>Benefits that depend on a registered contract (R2.3).</summary>
public enum BenefitKind
{
    /// <summary>奖酬金发放</summary>
    RewardPayout = 1,
    /// <summary>税收减免证明</summary>
    TaxReliefCertificate = 2,
}

/// <summary>Jurisdiction of a rule set (R0.2).</summary>
public enum Jurisdiction
{
    National = 1,
    Shanghai = 2,
}

/// <summary>How SLA days are counted (R2.10).</summary>
public enum SlaDayKind
{
    CalendarDays = 1,
    WorkingDays = 2,
}
