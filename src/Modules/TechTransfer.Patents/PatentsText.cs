namespace TechTransfer.Patents;

/// <summary>Marker for this module's UI strings in Resources/PatentsText.resx (zh-CN) and PatentsText.en.resx.</summary>
public sealed class PatentsText;
