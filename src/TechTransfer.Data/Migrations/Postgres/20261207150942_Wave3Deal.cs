using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechTransfer.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DealNo = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Origin = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ListingId = table.Column<Guid>(type: "uuid", nullable: true),
                    LotId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ObjectType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ObjectIdsCsv = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DealType = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SellerOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    BuyerOrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    BuyerUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    PriceYuan = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    SellerCommissionPercent = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    BuyerCommissionPercent = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    SellerCommissionYuan = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    BuyerCommissionYuan = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Settlement = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DealDate = table.Column<DateOnly>(type: "date", nullable: false),
                    PaymentDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BuyerSignedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    BuyerSignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    BuyerSignedPdfSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    OperatorSignedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    OperatorSignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OperatorSignedPdfSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConfirmedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AnnulledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnnulmentReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AnnulledByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: true),
                    ContractLinkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ContractLinkedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    instalments = table.Column<string>(type: "jsonb", nullable: true)
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
