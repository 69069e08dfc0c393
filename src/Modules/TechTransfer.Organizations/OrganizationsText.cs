namespace TechTransfer.Organizations;

/// <summary>Marker for this module's UI strings in Resources/OrganizationsText.resx (zh-CN) and OrganizationsText.en.resx.</summary>
public sealed class OrganizationsText;
