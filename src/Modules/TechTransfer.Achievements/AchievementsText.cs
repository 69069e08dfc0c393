namespace TechTransfer.Achievements;

/// <summary>Marker for this module's UI strings in Resources/AchievementsText.resx (zh-CN) and AchievementsText.en.resx.</summary>
public sealed class AchievementsText;
