namespace TechTransfer.Contracts;

/// <summary>Marker for this module's UI strings in Resources/ContractsText.resx (zh-CN) and ContractsText.en.resx.</summary>
public sealed class ContractsText;
