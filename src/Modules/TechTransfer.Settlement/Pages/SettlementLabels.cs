using System.Resources;
using TechTransfer.Platform.UI;

namespace TechTransfer.Settlement.Pages;

/// <summary>Enum labels of the settlement page (<c>Enum.LedgerAccountKind.*</c>, <c>Enum.TransferKind.*</c>, <c>Enum.TransferPhase.*</c> in SettlementText.resx).</summary>
public static class SettlementLabels
{
    public static readonly EnumText Enums = new(new ResourceManager("TechTransfer.Settlement.Resources.SettlementText", typeof(SettlementText).Assembly));
}
