using TechTransfer.SharedKernel;

namespace TechTransfer.Contracts.Domain;

// Errors of the workbench, prefill, income certification and attachment storage.
public static partial class ContractErrors
{
    public static Error AlreadyAssigned => E("contract.already_assigned", "§2.3", "合同已分派给该登记员", "The contract is already assigned to this registrar.");
    public static FieldError BulkActionUnknown => F("action", "contract.bulk_action_unknown", "R2.10",
        "批量操作只能是受理（accept）或分派（assign）；登记、不予登记等决定须逐件办理，系统从不自动登记",
        "Bulk actions are accept or assign only; registering, rejecting and other decisions are taken one contract at a time (never auto-approval).");
    public static FieldError BulkSelectionInvalid(int max) => F("contractIds", "contract.bulk_selection_invalid", "§2.3",
        $"请选择 1–{max} 件合同", $"Select 1–{max} contracts.");
}

public static partial class ContractErrors
{
    public static FieldError PrefillSourceUnknown(IEnumerable<string> known) => F("sourceType", "contract.prefill_source_unknown", "§2.1",
        $"来源类型须为：{string.Join("、", known)}", $"The source type must be one of: {string.Join(", ", known)}.");
    public static FieldError PrefillSourceIdRequired => F("sourceId", "contract.prefill_source_id_required", "§2.1", "来源编号为必填项", "The source id is required.");
    public static Error PrefillSourceNotFound => E("contract.prefill_source_not_found", "§2.1",
        "未找到该来源记录，或贵机构不是其当事方", "The source record was not found, or your organisation is not a party to it.", 404);
    public static Error PrefillOnlySellerSide => E("contract.prefill_only_seller_side", "R2.8",
        "合同由卖方（许可人、研究开发人等）起草并申请登记，买方不能据此生成合同草稿", "The seller side (licensor, developer …) drafts and submits the contract; the buyer cannot prefill it.", 403);
    public static Error PrefillAlreadyExists(Guid contractId) => E("contract.prefill_exists", "R2.8",
        $"该来源已生成合同（{contractId}），一份合同只登记一次", $"A contract was already prefilled from this source ({contractId}); a contract is registered once.");
    public static Error PrefillPartyMissing => E("contract.prefill_party_missing", "§2.1",
        "来源记录的当事方不在机构库中", "A party of the source record is not in the organisation registry.", 422);
}

public static partial class ContractErrors
{
    public static FieldError IncomePeriodInvalid => F("periodTo", "income_certification.period_invalid", "§2.4", "核定期间的起始日不能晚于终止日", "The period must not end before it starts.");
    public static FieldError IncomePeriodBeforeSigning(DateOnly signed) => F("periodFrom", "income_certification.period_before_signing", "§2.4",
        $"核定期间不能早于合同签订日（{signed:yyyy-MM-dd}）", $"The period cannot start before the contract was signed ({signed:yyyy-MM-dd}).");
    public static FieldError IncomePeriodInFuture => F("periodTo", "income_certification.period_in_future", "§2.4", "只能核定已经收到的收入，期间不能晚于今天", "Only income already received can be certified: the period cannot end after today.");
    public static FieldError IncomeAmountReceivedInvalid => F("amountReceived", "income_certification.amount_received_invalid", "§2.4", "实际收到的款项须大于 0", "The amount received must be more than 0.");
    public static FieldError IncomeDeductionNegative(int i) => F($"nonTechnicalItems[{i}].amount", "income_certification.deduction_negative", "R2.1", "非技术性款项金额不能为负数", "A non-technical item cannot be negative.");
    public static FieldError IncomeDeductionsExceedReceived => F("nonTechnicalItems", "income_certification.deductions_exceed_received", "R2.1",
        "扣除的非技术性款项超过了实际收到的款项", "The non-technical items deducted exceed the amount received.");
    public static Error IncomePeriodOverlaps(DateOnly from, DateOnly to) => E("income_certification.period_overlaps", "§2.4",
        $"该期间与已核定的期间（{from:yyyy-MM-dd}–{to:yyyy-MM-dd}）重叠，同一收入只核定一次", $"The period overlaps one already certified ({from:yyyy-MM-dd}–{to:yyyy-MM-dd}); income is certified once.");
    public static Error IncomeCertificationNotFound => Error.NotFound("income_certification", "技术性收入核定记录");
}

public static partial class ContractErrors
{
    public static FieldError AchievementIdsInvalid => F("achievementIds", "contract.achievement_ids_invalid", "§2.1",
        "关联的科技成果最多 20 项且须为有效编号", "At most 20 achievements, each a valid id.");
}

public static partial class ContractErrors
{
    public static FieldError AttachmentKindRequired => F("kind", "contract.attachment_kind_required", "§2.1", "请选择附件类型", "Choose the attachment kind.");
    public static FieldError AttachmentNameInvalid(string field) => F(field, "contract.attachment_name_invalid", "§2.1", "附件文件名须为 1–200 个字符", "The file name must have 1–200 characters.");
    public static FieldError AttachmentEmpty => F("file", "contract.attachment_empty", "§2.1", "文件为空", "The file is empty.");
    public static Error AttachmentTooLarge(long max) => E("contract.attachment_too_large", "§2.1",
        $"文件超过大小上限（{max / 1024 / 1024.0:0.#} MB）", $"The file is larger than the {max / 1024 / 1024.0:0.#} MB limit.", 413, "file");
    public static Error AttachmentTypeNotAllowed => E("contract.attachment_type_not_allowed", "§2.1",
        "文件类型不被接受：只接受 PDF、图片（PNG/JPEG/GIF/TIFF）和 Office 文档，按文件内容识别", "This type of file is not accepted: PDF, images (PNG/JPEG/GIF/TIFF) and Office documents only, recognised by their content.", 422, "file");
    public static Error AttachmentNotFound => Error.NotFound("contract_attachment", "合同附件");
}
