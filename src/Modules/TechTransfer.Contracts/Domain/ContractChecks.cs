using TechTransfer.Contracts.Domain.Calendar;

namespace TechTransfer.Contracts.Domain;

public enum CheckOutcome
{
    Pass = 1,
    Warning = 2,
    Fail = 3,
}

/// <summary>One computed check shown to the registrar beside the contract.</summary>
public sealed record ContractCheck(string Code, string Rule, CheckOutcome Outcome, string Zh, string En);

/// <summary>The registrar workbench's computed checks: category plausibility, amounts, documents, duplicates, SLA.</summary>
public static class ContractChecks
{
    public static IReadOnlyList<ContractCheck> Evaluate(TechnologyContract c, ContractRuleSetCatalog catalog, DateOnly today)
    {
        var list = new List<ContractCheck>();
        var rules = catalog.ContentRules(c.SignedDate);
        var content = ContractValidation.Validate(c.ToDetails(), rules);
        list.Add(content.Count == 0
            ? new("check.content", "§2.1", CheckOutcome.Pass, "合同要素齐全且一致", "Contract fields are complete and consistent")
            : new("check.content", string.Join(",", content.Select(e => e.Rule ?? "§2.1").Distinct()), CheckOutcome.Fail,
                string.Join("；", content.Select(e => e.Zh)), string.Join("; ", content.Select(e => e.En))));

        // Category plausibility: transfers and licences name the IP; development/consulting do not usually assign patents.
        var cat = c.StatisticalCategory;
        if (cat is ContractCategory.Transfer or ContractCategory.Licensing && c.IpRefs.Count == 0)
            list.Add(new("check.category_ip_missing", "§2.1", CheckOutcome.Warning, "转让/许可合同未列明知识产权信息", "A transfer or licence lists no IP rights"));
        else if (cat is ContractCategory.Consulting or ContractCategory.Service && c.IpRefs.Any(r => r.Disposition == IpDisposition.Assigned))
            list.Add(new("check.category_assigns_ip", "§1", CheckOutcome.Warning, "咨询/服务合同涉及知识产权转让，类别可能有误", "A consulting/service contract assigns IP: the category may be wrong"));
        else
            list.Add(new("check.category", "§1", CheckOutcome.Pass, "类别与内容相符", "Category matches the content"));

        var amount = c.ComputeTechTransactionAmount(catalog);
        list.Add(new("check.tech_amount", "R2.1", amount.IsWithinRange ? CheckOutcome.Pass : CheckOutcome.Fail,
            $"技术交易额 {amount.TechTransactionAmount:0.00} 元 = 成交额 {amount.RegisterableAmount:0.00} − 非技术性款项 {amount.DeductedNonTechnical:0.00}",
            $"Technology transaction amount {amount.TechTransactionAmount:0.00} = total {amount.RegisterableAmount:0.00} − non-technical {amount.DeductedNonTechnical:0.00}"));
        foreach (var w in amount.Warnings) list.Add(new(w.Code, w.Rule, CheckOutcome.Warning, w.Zh, w.En));
        if (c.IsLargeContract)
            list.Add(new("check.large_contract", "R2.4", CheckOutcome.Warning, "重大合同：须专家评审", "Large contract: expert review needed"));

        void Doc(AttachmentKind kind, bool required, string zh, string en)
        {
            if (!required) return;
            // The registrar needs the document itself: a file must be stored, registered metadata alone is only a warning.
            list.Add(c.HasAttachmentFile(kind)
                ? new($"check.doc.{kind}", "§2.1", CheckOutcome.Pass, $"已上传{zh}", $"{en} uploaded")
                : c.HasAttachment(kind)
                    ? new($"check.doc.{kind}", "§2.1", CheckOutcome.Warning, $"已登记{zh}但未上传文件", $"{en} registered but no file uploaded")
                    : new($"check.doc.{kind}", "§2.1", CheckOutcome.Fail, $"缺少{zh}", $"{en} missing"));
        }
        Doc(AttachmentKind.ContractText, true, "合同文本", "Contract text");
        Doc(AttachmentKind.TechnicalIncomeAssessmentForm, true, "技术性收入核定表", "Technical income assessment form");
        Doc(AttachmentKind.Undertaking, true, "承诺书", "Undertaking");
        Doc(AttachmentKind.ChineseTranslation, c.IsForeignLanguage, "中文译本", "Chinese translation");
        Doc(AttachmentKind.ConsistencyUndertaking, c.IsForeignLanguage, "中外文一致性承诺", "Consistency undertaking");
        Doc(AttachmentKind.AuthorisationLetter, c.SignedByInternalUnit, "授权委托书", "Authorisation letter");
        Doc(AttachmentKind.ProjectApproval, c.IsGovernmentFunded, "财政项目批准文件", "Government project approval");

        list.Add(c.PossibleDuplicate
            ? new("check.duplicate", "R2.8", CheckOutcome.Warning, "可能重复登记", "Possible duplicate registration")
            : new("check.duplicate", "R2.8", CheckOutcome.Pass, "未发现重复", "No duplicate found"));
        if (c.IsOverdue(today))
            list.Add(new("check.overdue", "R2.10", CheckOutcome.Warning, $"已超过办理期限（{c.DueDate:yyyy-MM-dd}）", $"Past the due date ({c.DueDate:yyyy-MM-dd})"));
        if (c.CorrectionPending)
            list.Add(new("check.correction_pending", "R2.3", CheckOutcome.Warning, "有待登记的金额补正", "An amount correction is pending"));
        return list;
    }
}
