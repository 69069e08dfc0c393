namespace TechTransfer.Settlement;

/// <summary>Marker for this module's UI strings in Resources/SettlementText.resx (zh-CN) and SettlementText.en.resx.</summary>
public sealed class SettlementText;
