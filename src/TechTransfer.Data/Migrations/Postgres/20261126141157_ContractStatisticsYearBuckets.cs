using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechTransfer.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ContractStatisticsYearBuckets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // year buckets (granularity 'Y', period yyyy) rolled up from the month buckets already kept
            migrationBuilder.Sql("INSERT INTO contracts_statistics (\"Granularity\", \"Period\", \"Dimension\", \"Key\", \"ContractCount\", \"TotalAmountFen\", \"TechAmountFen\") "
                + "SELECT 'Y', \"Period\" / 100, \"Dimension\", \"Key\", SUM(\"ContractCount\"), SUM(\"TotalAmountFen\"), SUM(\"TechAmountFen\") "
                + "FROM contracts_statistics WHERE \"Granularity\" = 'M' GROUP BY \"Period\" / 100, \"Dimension\", \"Key\"");

            migrationBuilder.DropIndex(
                name: "IX_contracts_statistics_Period_Dimension_Key",
                table: "contracts_statistics");

            migrationBuilder.CreateIndex(
                name: "IX_contracts_statistics_covering",
                table: "contracts_statistics",
                columns: new[] { "Granularity", "Dimension", "Period", "Key", "ContractCount", "TotalAmountFen", "TechAmountFen" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM contracts_statistics WHERE \"Granularity\" = 'Y'");

            migrationBuilder.DropIndex(
                name: "IX_contracts_statistics_covering",
                table: "contracts_statistics");

            migrationBuilder.CreateIndex(
                name: "IX_contracts_statistics_Period_Dimension_Key",
                table: "contracts_statistics",
                columns: new[] { "Period", "Dimension", "Key" });
        }
    }
}
