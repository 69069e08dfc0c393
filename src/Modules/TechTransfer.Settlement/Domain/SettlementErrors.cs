using TechTransfer.SharedKernel;

namespace TechTransfer.Settlement.Domain;

/// <summary>
/// Every error of the escrow ledger (结算). Rule ids: LG.1 Σ legs = 0; LG.2 amounts in yuan with at most two decimals;
/// LG.3 no balance below zero except the external account; LG.4 a pending transfer is posted or voided at most once;
/// LG.5 corrections only by one reversing transfer; LG.6 an idempotency key names one request; R6.6 commission.
/// </summary>
public static class SettlementErrors
{
    public static readonly Error DealNotFound = Error.NotFound("settlement", "成交结算");

    public static readonly Error TransferNotFound = Error.NotFound("settlement_transfer", "结算转账");

    public static readonly Error OperatorOnly = new("settlement.operator_only",
        "仅交易所运营人员可以登记资金往来", "Only the exchange operator records money movements.", Status: 403);

    public static readonly Error TooFewLegs = new Error("settlement.too_few_legs",
        "一笔转账至少有借贷两方", "A transfer needs at least two legs.", "legs", 422).ForRule("LG.1");

    public static readonly Error Unbalanced = new Error("settlement.unbalanced",
        "借贷不平衡：各分录金额之和必须为零", "The legs do not balance: their amounts must sum to zero.", "legs", 422).ForRule("LG.1");

    public static readonly Error LegAmountInvalid = new Error("settlement.leg_amount_invalid",
        "分录金额不能为零，且最多两位小数（元）", "A leg's amount must not be zero and has at most two decimals (yuan).", "legs", 422).ForRule("LG.2");

    public static readonly Error DuplicateAccount = new Error("settlement.duplicate_account",
        "同一账户在一笔转账中只能出现一次", "An account appears at most once in a transfer.", "legs", 422).ForRule("LG.1");

    public static readonly Error UnknownAccount = new("settlement.unknown_account",
        "分录所指账户不存在或不属于该成交", "A leg names an account that does not exist or belongs to another deal.", "legs", 422);

    public static readonly Error TransferExists = new("settlement.transfer_exists",
        "该转账已存在", "This transfer already exists.", Status: 409);

    public static readonly Error InsufficientFunds = new Error("settlement.insufficient_funds",
        "余额不足：除外部银行账户外，任何账户余额不得为负", "Insufficient funds: no account but the external bank account may go below zero.", Status: 409)
        .ForRule("LG.3");

    public static readonly Error NotPending = new Error("settlement.not_pending",
        "只有待过账的转账可以过账或撤销", "Only a pending transfer can be posted or voided.", Status: 409).ForRule("LG.4");

    public static readonly Error AlreadyResolved = new Error("settlement.already_resolved",
        "该待过账转账已过账或已撤销", "This pending transfer has already been posted or voided.", Status: 409).ForRule("LG.4");

    public static readonly Error NotReversible = new Error("settlement.not_reversible",
        "只能冲正已过账的转账（待过账的请撤销，冲正不能再冲正）", "Only a posted transfer can be reversed (void a pending one; a reversal is not reversed).", Status: 409)
        .ForRule("LG.5");

    public static readonly Error AlreadyReversed = new Error("settlement.already_reversed",
        "该转账已被冲正", "This transfer has already been reversed.", Status: 409).ForRule("LG.5");

    public static readonly Error DealNotLive = new("settlement.deal_not_live",
        "该成交已作废，不能登记新的收付款", "The deal is annulled; no new money can be recorded on it.", Status: 409);

    public static readonly Error NoBuyer = new("settlement.no_buyer",
        "该成交没有买方机构，不能登记付款", "The deal has no buyer organisation; no payment can be recorded.", Status: 409);

    public static readonly Error LotNotFound = Error.NotFound("settlement_lot", "竞价标的");

    public static readonly Error DepositNotHeld = new Error("settlement.deposit_not_held",
        "该竞买人的保证金已按竞价规则退还或没收，不能再登记到账", "This bidder's deposit has already been released or forfeited under the auction rules; it cannot be recorded now.", Status: 409)
        .ForRule("R6.3");

    public static readonly Error DepositAlreadyRecorded = new Error("settlement.deposit_already_recorded",
        "该竞买人的保证金已登记到账", "This bidder's deposit has already been recorded.", Status: 409).ForRule("R6.3");

    public static readonly FieldError RegistrationRequired = new("registrationId", "settlement.registration_required",
        "请选择竞买登记", "Choose the bidder's registration.");

    public static readonly FieldError RegistrationUnknown = new("registrationId", "settlement.registration_unknown",
        "该竞买登记不属于此竞价标的", "This registration does not belong to the lot.");

    public static readonly FieldError AmountRequired = new("amount", "settlement.amount_required",
        "请填写金额", "Enter the amount.");

    public static readonly FieldError AmountInvalid = new FieldError("amount", "settlement.amount_invalid",
        "金额必须大于零、最多两位小数且不超过一千亿元", "The amount must be above zero, have at most two decimals and not exceed 100 billion yuan.")
        { Rule = "LG.2" };

    public static readonly FieldError BrokerCommissionInvalid = new FieldError("brokerCommission", "settlement.broker_commission_invalid",
        "经纪人佣金不能为负、最多两位小数，且不能超过本次收取的佣金", "The broker commission must not be negative, has at most two decimals and cannot exceed the commission taken by this payout.")
        { Rule = "R6.6" };

    public static readonly FieldError ReferenceTooLong = new("reference", "settlement.reference_too_long",
        $"银行流水号最多 {LedgerTransfer.ReferenceMax} 个字符", $"The bank reference has at most {LedgerTransfer.ReferenceMax} characters.");

    public static readonly FieldError NoteTooLong = new("note", "settlement.note_too_long",
        $"说明最多 {LedgerTransfer.NoteMax} 个字符", $"The note has at most {LedgerTransfer.NoteMax} characters.");

    public static readonly FieldError ReasonRequired = new("reason", "settlement.reason_required",
        "冲正须说明原因", "A reversal needs a reason.");

    public static readonly FieldError IdempotencyKeyRequired = new FieldError("idempotencyKey", "settlement.idempotency_key_required",
        "资金指令须带 Idempotency-Key 请求头（1–100 个可见 ASCII 字符）", "A money command needs an Idempotency-Key header (1–100 visible ASCII characters).")
        { Rule = "LG.6" };

    public static readonly FieldError IdempotencyKeyReused = new FieldError("idempotencyKey", "settlement.idempotency_key_reused",
        "该 Idempotency-Key 已用于参数不同的另一请求；重试请使用原参数，新请求请使用新的键", "This Idempotency-Key was used for a request with other parameters; retry with the same parameters or use a new key.")
        { Rule = "LG.6" };
}
