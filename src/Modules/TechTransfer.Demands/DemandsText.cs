namespace TechTransfer.Demands;

/// <summary>Marker for this module's UI strings in Resources/DemandsText.resx (zh-CN) and DemandsText.en.resx.</summary>
public sealed class DemandsText;
