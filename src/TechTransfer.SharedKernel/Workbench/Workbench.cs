namespace TechTransfer.SharedKernel.Workbench;

/// <summary>Where an item sits on the workbench: something that needs the caller, or a figure to keep an eye on.</summary>
public enum WorkbenchSection
{
    /// <summary>待办: the caller is expected to act (review, decide, correct).</summary>
    ToDo = 0,
    /// <summary>进展: the caller's own records and where they stand (no action expected).</summary>
    Status = 1,
    /// <summary>关键指标: figures that matter to the role.</summary>
    Figure = 2,
}

/// <summary>
/// One line of a role's workbench (工作台): a count (or an amount in yuan) with the bilingual label, the filtered list it
/// stands for, and the nearest deadline among the records counted. Module code builds items; the home page only shows them.
/// </summary>
/// <param name="Key">Stable id of the item (<c>&lt;module&gt;.&lt;what&gt;</c>), used by tests and the API.</param>
/// <param name="LabelZh">Chinese label.</param>
/// <param name="LabelEn">English label.</param>
/// <param name="Count">How many records (for an amount item, how many records the amount sums).</param>
/// <param name="Link">The list page filtered to exactly the records counted (local path with query), or null.</param>
/// <param name="Section">To-do, status or figure.</param>
/// <param name="Order">Position within its section (lower first).</param>
/// <param name="Deadline">The nearest deadline among the counted records, if they have one (a business date).</param>
/// <param name="AmountYuan">An amount in yuan the item reports instead of a count (shown with two decimals).</param>
/// <param name="Urgent">Shown highlighted (overdue, due within days).</param>
public sealed record WorkbenchItem(
    string Key, string LabelZh, string LabelEn, long Count, string? Link,
    WorkbenchSection Section = WorkbenchSection.ToDo, int Order = 100, DateOnly? Deadline = null, decimal? AmountYuan = null,
    bool Urgent = false)
{
    public string Label => Bilingual.T(LabelZh, LabelEn);
}

/// <summary>
/// A module's contribution to the workbench. Each module registers one (scoped) and returns the items that concern the
/// caller's roles — none for roles it has nothing for. Counts must come from indexed queries (the workbench benchmark in
/// <c>bench/</c> measures them at scale); the page and <c>GET /api/v1/workbench</c> know no module internals.
/// </summary>
public interface IWorkbenchSource
{
    Task<IReadOnlyList<WorkbenchItem>> ItemsAsync(ICurrentUser caller, CancellationToken ct);
}
