namespace TechTransfer.Platform.UI;

/// <summary>One row of a <c>RowEditor</c>: its item, and the posted name of each of its fields (<c>Form.Rows[2].Name</c>).</summary>
public sealed record RowEditorRow<TRow>(TRow Item, string Prefix, int Index)
{
    public string Field(string property) => $"{Prefix}.{property}";
}

/// <summary>A row naming a person or body and a percentage share (completers' ownership shares, custody beneficiaries).</summary>
public sealed class NameShareRow
{
    public string? Name { get; set; }
    public decimal? SharePercent { get; set; }
    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && SharePercent is null;

    /// <summary>A number as a form control's value (invariant digits, whatever the page's language).</summary>
    public static string? Invariant(decimal? d) => d?.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
}
