namespace TechTransfer.Exchange;

/// <summary>Marker for this module's UI strings in Resources/ExchangeText.resx (zh-CN) and ExchangeText.en.resx.</summary>
public sealed class ExchangeText;
