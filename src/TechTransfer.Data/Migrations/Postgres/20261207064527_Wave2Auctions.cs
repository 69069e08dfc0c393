using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechTransfer.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Wave2Auctions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exch_auction_lots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ObjectType = table.Column<int>(type: "integer", nullable: false),
                    ObjectIdsCsv = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ConsignorOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ListingId = table.Column<Guid>(type: "uuid", nullable: true),
                    OpenedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    StartingPrice = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ReservePrice = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Increment = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Deposit = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    AnnouncedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EffectiveCloseAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    HighBid = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    HighBidderUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    HighBidderOrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    HighBidSequence = table.Column<long>(type: "bigint", nullable: true),
                    AcceptedBids = table.Column<int>(type: "integer", nullable: false),
                    LastSequence = table.Column<long>(type: "bigint", nullable: false),
                    Registrations = table.Column<int>(type: "integer", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WinnerUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    WinnerOrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    HammerPrice = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    ClosingSoonNotifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exch_auction_lots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "exch_auction_bids",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LotId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    BidderUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    BidderOrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    PaddleNumber = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Accepted = table.Column<bool>(type: "boolean", nullable: false),
                    RefusalCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    CloseBefore = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CloseAfter = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exch_auction_bids", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exch_auction_bids_exch_auction_lots_LotId",
                        column: x => x.LotId,
                        principalTable: "exch_auction_lots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "exch_auction_registrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LotId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    PaddleNumber = table.Column<int>(type: "integer", nullable: false),
                    Deposit = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    DepositStatus = table.Column<int>(type: "integer", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastBidAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OutbidNotifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exch_auction_registrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exch_auction_registrations_exch_auction_lots_LotId",
                        column: x => x.LotId,
                        principalTable: "exch_auction_lots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_exch_auction_bids_LotId_BidderUserId",
                table: "exch_auction_bids",
                columns: new[] { "LotId", "BidderUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_exch_auction_bids_LotId_Sequence",
                table: "exch_auction_bids",
                columns: new[] { "LotId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exch_auction_lots_ListingId",
                table: "exch_auction_lots",
                column: "ListingId");

            migrationBuilder.CreateIndex(
                name: "IX_exch_auction_lots_StartsAt",
                table: "exch_auction_lots",
                column: "StartsAt");

            migrationBuilder.CreateIndex(
                name: "IX_exch_auction_lots_Status_EffectiveCloseAt",
                table: "exch_auction_lots",
                columns: new[] { "Status", "EffectiveCloseAt" });

            migrationBuilder.CreateIndex(
                name: "IX_exch_auction_registrations_LotId_PaddleNumber",
                table: "exch_auction_registrations",
                columns: new[] { "LotId", "PaddleNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exch_auction_registrations_LotId_UserId",
                table: "exch_auction_registrations",
                columns: new[] { "LotId", "UserId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exch_auction_bids");

            migrationBuilder.DropTable(
                name: "exch_auction_registrations");

            migrationBuilder.DropTable(
                name: "exch_auction_lots");
        }
    }
}
