using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechTransfer.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Wave3Valuation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exch_listing_valuations",
                columns: table => new
                {
                    ListingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HolderOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChosenValueYuan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    ChosenBasis = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ChosenByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChosenByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ChosenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exch_listing_valuations", x => x.ListingId);
                    table.ForeignKey(
                        name: "FK_exch_listing_valuations_exch_listings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "exch_listings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "exch_listing_valuation_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Approach = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Inputs = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Figures = table.Column<string>(type: "TEXT", nullable: false),
                    Formula = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ResultYuan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ListingId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exch_listing_valuation_runs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exch_listing_valuation_runs_exch_listing_valuations_ListingId",
                        column: x => x.ListingId,
                        principalTable: "exch_listing_valuations",
                        principalColumn: "ListingId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_exch_listing_valuation_runs_ListingId_At",
                table: "exch_listing_valuation_runs",
                columns: new[] { "ListingId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_exch_listing_valuations_HolderOrganizationId",
                table: "exch_listing_valuations",
                column: "HolderOrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exch_listing_valuation_runs");

            migrationBuilder.DropTable(
                name: "exch_listing_valuations");
        }
    }
}
