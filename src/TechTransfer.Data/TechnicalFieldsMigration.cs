using Microsoft.EntityFrameworkCore.Migrations;
using TechTransfer.SharedKernel.Fields;

namespace TechTransfer.Data;

/// <summary>
/// The data step of the migration that introduced the one technical-field taxonomy (<see cref="TechnicalFields"/>): every
/// stored field that names a field of the taxonomy — by its Chinese or English label or an alias, any case, with spaces
/// around it — becomes the field's code, in achievements, demands, challenges and contracts; the contract statistics of the
/// field dimension are re-keyed the same way (rows whose keys merge are summed). Values outside the taxonomy stay as they
/// were (pages show them as stored). Every statement is made from constants of the taxonomy: no input reaches the SQL.
/// </summary>
public static class TechnicalFieldsMigration
{
    private static readonly (string Table, string Column)[] Columns =
    [
        ("ach_achievements", "TechnicalField"), ("dem_demands", "Field"), ("dem_challenges", "Field"), ("contracts_contracts", "TechnicalField"),
    ];

    /// <summary>Each text that names a field (lower case, as compared) with the field's code.</summary>
    public static IReadOnlyList<(string Text, string Code)> Mapping() =>
        TechnicalFields.All.SelectMany(f => new[] { f.Zh, f.En }.Concat(f.Aliases).Select(t => (Text: t.Trim().ToLowerInvariant(), f.Code)))
            .Where(x => x.Text != x.Code).DistinctBy(x => x.Text).ToList();

    private static string Quote(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A CASE expression giving the code of the field a column names, or the column itself.</summary>
    private static string CaseOf(string column) =>
        "CASE LOWER(TRIM(" + column + ")) " + string.Concat(Mapping().Select(m => $"WHEN {Quote(m.Text)} THEN {Quote(m.Code)} ")) + $"ELSE {column} END";

    public static void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var (table, column) in Columns)
            migrationBuilder.Sql($"UPDATE \"{table}\" SET \"{column}\" = {CaseOf($"\"{column}\"")} WHERE \"{column}\" IS NOT NULL");
        // the field dimension of the statistics: re-key (summing rows that merge) under a temporary dimension, then swap
        const string columns = "\"Granularity\", \"Period\", \"Dimension\", \"Key\", \"ContractCount\", \"TotalAmountFen\", \"TechAmountFen\"";
        migrationBuilder.Sql($"INSERT INTO \"contracts_statistics\" ({columns}) SELECT \"Granularity\", \"Period\", 'field~', {CaseOf("\"Key\"")}, " +
            "SUM(\"ContractCount\"), SUM(\"TotalAmountFen\"), SUM(\"TechAmountFen\") FROM \"contracts_statistics\" WHERE \"Dimension\" = 'field' " +
            $"GROUP BY \"Granularity\", \"Period\", {CaseOf("\"Key\"")}");
        migrationBuilder.Sql("DELETE FROM \"contracts_statistics\" WHERE \"Dimension\" = 'field'");
        migrationBuilder.Sql("UPDATE \"contracts_statistics\" SET \"Dimension\" = 'field' WHERE \"Dimension\" = 'field~'");
    }
}
