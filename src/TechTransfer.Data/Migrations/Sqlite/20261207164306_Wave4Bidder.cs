using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechTransfer.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Wave4Bidder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_exch_auction_registrations_UserId_LotId",
                table: "exch_auction_registrations",
                columns: new[] { "UserId", "LotId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_exch_auction_registrations_UserId_LotId",
                table: "exch_auction_registrations");
        }
    }
}
