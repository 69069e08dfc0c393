namespace TechTransfer.Platform;

/// <summary>Marker for the platform-wide UI strings in Resources/SharedText.resx (zh-CN) and SharedText.en.resx.</summary>
public sealed class SharedText;
