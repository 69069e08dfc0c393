namespace TechTransfer.Web;

/// <summary>Marker for the shell's UI strings in Resources/WebText.resx (zh-CN) and WebText.en.resx.</summary>
public sealed class WebText;
