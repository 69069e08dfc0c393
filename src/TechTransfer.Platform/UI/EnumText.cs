using System.Globalization;
using System.Resources;
using TechTransfer.SharedKernel;

namespace TechTransfer.Platform.UI;

/// <summary>
/// The label provider for enum values a page shows: a module keeps one per resx file
/// (<c>new EnumText(ContractsText.ResourceManager)</c>) and labels live there under the key
/// <c>Enum.&lt;EnumType&gt;.&lt;Member&gt;</c> in both languages (added with <c>scripts/resx.py</c>). A [Flags] value shows
/// the labels of its set members joined by the language's list separator. A value without a key shows its member
/// name, which the page crawl test (<c>PageCrawlTests</c>) then reports — so a new member cannot reach a page
/// unlabelled unnoticed.
/// </summary>
public sealed class EnumText(ResourceManager resources)
{
    public const string Prefix = "Enum.";

    public string this[Enum value] => Of(value);

    public string Of(Enum value)
    {
        var type = value.GetType();
        if (type.IsDefined(typeof(FlagsAttribute), false) && !Enum.IsDefined(type, value))
            return string.Join(Bilingual.CurrentIsEnglish ? ", " : "、",
                Enum.GetValues(type).Cast<Enum>().Where(f => Convert.ToInt64(f, CultureInfo.InvariantCulture) != 0 && value.HasFlag(f)).Select(Of));
        return Find(type.Name, value.ToString()) ?? value.ToString();
    }

    public string Of(Enum? value, string none) => value is null ? none : Of(value);

    /// <summary>The label of a member given by name (a value stored as text, e.g. an audit action or a facet value), or null.</summary>
    public string? Find(string enumName, string member) =>
        resources.GetString(Prefix + enumName + "." + member, CultureInfo.CurrentUICulture);
}
