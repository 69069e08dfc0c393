namespace TechTransfer.Search;

/// <summary>Marker for this module's UI strings in Resources/SearchText.resx (zh-CN) and SearchText.en.resx.</summary>
public sealed class SearchText;
