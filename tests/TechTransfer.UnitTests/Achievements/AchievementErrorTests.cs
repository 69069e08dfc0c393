using System.Reflection;
using System.Text.RegularExpressions;
using TechTransfer.Achievements.Domain;
using TechTransfer.Organizations.Domain;
using TechTransfer.SharedKernel;

namespace TechTransfer.UnitTests.Achievements;

/// <summary>Rule ids are a field of the error (#11 E): no message of the two modules pastes "R4.3" and the like into its text.</summary>
public sealed partial class AchievementErrorTests
{
    public static TheoryData<string> ErrorClasses => [nameof(AchievementErrors), nameof(OrganizationErrors)];

    [Theory]
    [MemberData(nameof(ErrorClasses))]
    public void No_error_message_names_a_spec_rule_and_every_message_is_bilingual(string errorClass)
    {
        var type = errorClass == nameof(AchievementErrors) ? typeof(AchievementErrors) : typeof(OrganizationErrors);
        var errors = Definitions(type).ToList();
        Assert.True(errors.Count > 10, $"only {errors.Count} error definitions found in {errorClass}");
        foreach (var (name, zh, en) in errors)
        {
            Assert.False(RuleId().IsMatch(zh) || RuleId().IsMatch(en), $"{errorClass}.{name} names a rule in its message: {zh} / {en}");
            Assert.False(string.IsNullOrWhiteSpace(zh) || string.IsNullOrWhiteSpace(en) || zh == en, $"{errorClass}.{name} is not bilingual");
        }
    }

    [Fact]
    public void Rule_errors_carry_their_rule_as_a_field()
    {
        Assert.Equal("R4.3", AchievementErrors.TeamShareBelowFloor(60m, 70m, "上海市促进科技成果转化条例 第三十四条", false).Rule);
        Assert.Equal("R5.2", AchievementErrors.GrantTermBelowMinimum(10, new DateOnly(2036, 3, 1)).Rule);
        Assert.Equal("R5.3", AchievementErrors.CompleterRequestRequiresIdle.Rule);
        Assert.Equal("R0.2", OrganizationErrors.JurisdictionAdminOnly.Rule);
    }

    /// <summary>Every static Error/FieldError of the class: fields, properties and methods (called with sample arguments).</summary>
    private static IEnumerable<(string Name, string Zh, string En)> Definitions(Type type)
    {
        foreach (var m in type.GetMembers(BindingFlags.Public | BindingFlags.Static))
        {
            object? value = m switch
            {
                FieldInfo f => f.GetValue(null),
                PropertyInfo p => p.GetValue(null),
                MethodInfo mi when !mi.IsSpecialName && (mi.ReturnType == typeof(Error) || mi.ReturnType == typeof(FieldError)) =>
                    mi.Invoke(null, mi.GetParameters().Select(Sample).ToArray()),
                _ => null,
            };
            switch (value)
            {
                case Error e:
                    yield return (m.Name, e.Zh, e.En);
                    foreach (var f in e.FieldErrors) yield return (m.Name, f.Zh, f.En);
                    break;
                case FieldError fe:
                    yield return (m.Name, fe.Zh, fe.En);
                    break;
            }
        }
    }

    private static object? Sample(ParameterInfo p) => p.ParameterType switch
    {
        var t when t == typeof(string) => "X1",
        var t when t == typeof(decimal) => 12.5m,
        var t when t == typeof(int) => 3,
        var t when t == typeof(long) => 7L,
        var t when t == typeof(bool) => false,
        var t when t == typeof(DateOnly) => new DateOnly(2026, 3, 2),
        var t when t.IsEnum => Enum.GetValues(t).GetValue(0),
        _ => p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null,
    };

    [GeneratedRegex(@"\bR\d+\.\d+")]
    private static partial Regex RuleId();
}
