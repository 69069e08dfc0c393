using TechTransfer.Contracts.Features;
using TechTransfer.Platform.Lists;
using TechTransfer.SharedKernel;
using static TechTransfer.Contracts.Pages.ContractUi;

namespace TechTransfer.Contracts.Pages;

/// <summary>The columns of the contract list's Excel export: the page's columns, labels in the current language.</summary>
internal static class ContractListColumns
{
    public static IReadOnlyList<ListColumn<ContractSummary>> All =>
    [
        new(R("Project"), c => c.ProjectName),
        new(R("RegistrationNo"), c => c.RegistrationNo),
        new(R("Category"), c => Category(c.Category)),
        new(R("Seller"), c => c.SellerName),
        new(R("Buyer"), c => c.BuyerName),
        new(R("Signed"), c => BusinessTime.Show(c.SignedDate)),
        new(R("Total"), c => c.TotalAmount),
        new(R("TechAmount"), c => c.AssessedTechTransactionAmount ?? c.DeclaredTechTransactionAmount),
        new(R("Status"), c => Status(c.Status)),
        new(R("Due"), c => c.DueDate is { } d ? BusinessTime.Show(d) : null),
    ];
}
