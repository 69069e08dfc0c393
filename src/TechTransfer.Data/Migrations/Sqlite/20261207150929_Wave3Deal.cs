using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechTransfer.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Wave3Deal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exch_deals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DealNo = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ListingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LotId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ObjectType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ObjectIdsCsv = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DealType = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SellerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BuyerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BuyerUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PriceYuan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    SellerCommissionPercent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    BuyerCommissionPercent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    SellerCommissionYuan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    BuyerCommissionYuan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Settlement = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DealDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PaymentDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    BuyerSignedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BuyerSignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BuyerSignedPdfSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OperatorSignedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OperatorSignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OperatorSignedPdfSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConfirmedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnnulledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnnulmentReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AnnulledByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContractLinkedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ContractLinkedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    instalments = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exch_deals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_exch_deals_BuyerOrganizationId",
                table: "exch_deals",
                column: "BuyerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_exch_deals_DealNo",
                table: "exch_deals",
                column: "DealNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exch_deals_ListingId",
                table: "exch_deals",
                column: "ListingId");

            migrationBuilder.CreateIndex(
                name: "IX_exch_deals_LotId",
                table: "exch_deals",
                column: "LotId");

            migrationBuilder.CreateIndex(
                name: "IX_exch_deals_SellerOrganizationId",
                table: "exch_deals",
                column: "SellerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_exch_deals_Status_CreatedAt",
                table: "exch_deals",
                columns: new[] { "Status", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exch_deals");
        }
    }
}
