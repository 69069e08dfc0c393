using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechTransfer.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ObjectType = table.Column<int>(type: "INTEGER", nullable: false),
                    ObjectIdsCsv = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ConsignorOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ListingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OpenedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartingPrice = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ReservePrice = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Increment = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Deposit = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    AnnouncedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EffectiveCloseAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    HighBid = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    HighBidderUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HighBidderOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HighBidSequence = table.Column<long>(type: "INTEGER", nullable: true),
                    AcceptedBids = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Registrations = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WinnerUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WinnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HammerPrice = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    ClosingSoonNotifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exch_auction_lots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "exch_auction_bids",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    BidderUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BidderOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PaddleNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Accepted = table.Column<bool>(type: "INTEGER", nullable: false),
                    RefusalCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    CloseBefore = table.Column<long>(type: "INTEGER", nullable: false),
                    CloseAfter = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PaddleNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Deposit = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    DepositStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastBidAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OutbidNotifiedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
