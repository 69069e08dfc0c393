using TechTransfer.Demands.Features;
using TechTransfer.Platform.Lists;
using TechTransfer.SharedKernel;
using TechTransfer.SharedKernel.Fields;
using TechTransfer.SharedKernel.Regions;
using static TechTransfer.Demands.Pages.PageText;

namespace TechTransfer.Demands.Pages;

/// <summary>The columns of the demand list's Excel export: the page's columns, labels in the current language.</summary>
internal static class DemandListColumns
{
    public static IReadOnlyList<ListColumn<DemandSummary>> All =>
    [
        new(R("Demand"), d => d.Title),
        new(R("Field"), d => TechnicalFields.Label(d.Field)),
        new("IPC", d => string.Join(", ", d.IpcCodes)),
        new(R("Budget"), d => Budget(d.BudgetMinYuan, d.BudgetMaxYuan)),
        new(R("Modes"), d => string.Join(R("ListSeparator"), d.CooperationModes.Select(Mode))),
        new(R("Region"), d => Divisions.IsKnown(d.DivisionCode) ? Divisions.FullName(d.DivisionCode, Bilingual.CurrentIsEnglish) : d.DivisionCode),
        new(R("Deadline"), d => Date(d.Deadline)),
        new(R("Status"), d => Status(d.Status)),
    ];
}
