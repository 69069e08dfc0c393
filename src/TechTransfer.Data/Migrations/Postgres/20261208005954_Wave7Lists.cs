using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechTransfer.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Wave7Lists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_platform_notifications_CreatedAt",
                table: "platform_notifications",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_platform_notifications_Kind",
                table: "platform_notifications",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_patents_open_licenses_AnnouncementDate",
                table: "patents_open_licenses",
                column: "AnnouncementDate");

            migrationBuilder.CreateIndex(
                name: "IX_patents_open_licenses_LicenseTermEnd",
                table: "patents_open_licenses",
                column: "LicenseTermEnd");

            migrationBuilder.CreateIndex(
                name: "IX_patents_open_licenses_PatentNo",
                table: "patents_open_licenses",
                column: "PatentNo");

            migrationBuilder.CreateIndex(
                name: "IX_patents_open_licenses_PatentTitle",
                table: "patents_open_licenses",
                column: "PatentTitle");

            migrationBuilder.CreateIndex(
                name: "IX_patents_custody_agreements_AgreementNo",
                table: "patents_custody_agreements",
                column: "AgreementNo");

            migrationBuilder.CreateIndex(
                name: "IX_patents_custody_agreements_PriceFloorYuan",
                table: "patents_custody_agreements",
                column: "PriceFloorYuan");

            migrationBuilder.CreateIndex(
                name: "IX_patents_custody_agreements_SubjectTitle",
                table: "patents_custody_agreements",
                column: "SubjectTitle");

            migrationBuilder.CreateIndex(
                name: "IX_patents_custody_agreements_TermEnd",
                table: "patents_custody_agreements",
                column: "TermEnd");

            migrationBuilder.CreateIndex(
                name: "IX_exch_listings_PeriodEndsOn",
                table: "exch_listings",
                column: "PeriodEndsOn");

            migrationBuilder.CreateIndex(
                name: "IX_exch_listings_PriceYuan",
                table: "exch_listings",
                column: "PriceYuan");

            migrationBuilder.CreateIndex(
                name: "IX_exch_listings_Title",
                table: "exch_listings",
                column: "Title");

            migrationBuilder.CreateIndex(
                name: "IX_exch_listings_UpdatedAt",
                table: "exch_listings",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_exch_deals_CreatedAt",
                table: "exch_deals",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_exch_deals_DealDate",
                table: "exch_deals",
                column: "DealDate");

            migrationBuilder.CreateIndex(
                name: "IX_exch_deals_PriceYuan",
                table: "exch_deals",
                column: "PriceYuan");

            migrationBuilder.CreateIndex(
                name: "IX_exch_auction_lots_StartingPrice",
                table: "exch_auction_lots",
                column: "StartingPrice");

            migrationBuilder.CreateIndex(
                name: "IX_exch_auction_lots_Title",
                table: "exch_auction_lots",
                column: "Title");

            migrationBuilder.CreateIndex(
                name: "IX_ach_income_distributions_AchievementTitle",
                table: "ach_income_distributions",
                column: "AchievementTitle");

            migrationBuilder.CreateIndex(
                name: "IX_ach_income_distributions_GrossIncome",
                table: "ach_income_distributions",
                column: "GrossIncome");

            migrationBuilder.CreateIndex(
                name: "IX_ach_income_distributions_TeamAmount",
                table: "ach_income_distributions",
                column: "TeamAmount");

            migrationBuilder.CreateIndex(
                name: "IX_ach_achievements_Title",
                table: "ach_achievements",
                column: "Title");

            migrationBuilder.CreateIndex(
                name: "IX_ach_achievements_UnitRegisteredAt",
                table: "ach_achievements",
                column: "UnitRegisteredAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_platform_notifications_CreatedAt",
                table: "platform_notifications");

            migrationBuilder.DropIndex(
                name: "IX_platform_notifications_Kind",
                table: "platform_notifications");

            migrationBuilder.DropIndex(
                name: "IX_patents_open_licenses_AnnouncementDate",
                table: "patents_open_licenses");

            migrationBuilder.DropIndex(
                name: "IX_patents_open_licenses_LicenseTermEnd",
                table: "patents_open_licenses");

            migrationBuilder.DropIndex(
                name: "IX_patents_open_licenses_PatentNo",
                table: "patents_open_licenses");

            migrationBuilder.DropIndex(
                name: "IX_patents_open_licenses_PatentTitle",
                table: "patents_open_licenses");

            migrationBuilder.DropIndex(
                name: "IX_patents_custody_agreements_AgreementNo",
                table: "patents_custody_agreements");

            migrationBuilder.DropIndex(
                name: "IX_patents_custody_agreements_PriceFloorYuan",
                table: "patents_custody_agreements");

            migrationBuilder.DropIndex(
                name: "IX_patents_custody_agreements_SubjectTitle",
                table: "patents_custody_agreements");

            migrationBuilder.DropIndex(
                name: "IX_patents_custody_agreements_TermEnd",
                table: "patents_custody_agreements");

            migrationBuilder.DropIndex(
                name: "IX_exch_listings_PeriodEndsOn",
                table: "exch_listings");

            migrationBuilder.DropIndex(
                name: "IX_exch_listings_PriceYuan",
                table: "exch_listings");

            migrationBuilder.DropIndex(
                name: "IX_exch_listings_Title",
                table: "exch_listings");

            migrationBuilder.DropIndex(
                name: "IX_exch_listings_UpdatedAt",
                table: "exch_listings");

            migrationBuilder.DropIndex(
                name: "IX_exch_deals_CreatedAt",
                table: "exch_deals");

            migrationBuilder.DropIndex(
                name: "IX_exch_deals_DealDate",
                table: "exch_deals");

            migrationBuilder.DropIndex(
                name: "IX_exch_deals_PriceYuan",
                table: "exch_deals");

            migrationBuilder.DropIndex(
                name: "IX_exch_auction_lots_StartingPrice",
                table: "exch_auction_lots");

            migrationBuilder.DropIndex(
                name: "IX_exch_auction_lots_Title",
                table: "exch_auction_lots");

            migrationBuilder.DropIndex(
                name: "IX_ach_income_distributions_AchievementTitle",
                table: "ach_income_distributions");

            migrationBuilder.DropIndex(
                name: "IX_ach_income_distributions_GrossIncome",
                table: "ach_income_distributions");

            migrationBuilder.DropIndex(
                name: "IX_ach_income_distributions_TeamAmount",
                table: "ach_income_distributions");

            migrationBuilder.DropIndex(
                name: "IX_ach_achievements_Title",
                table: "ach_achievements");

            migrationBuilder.DropIndex(
                name: "IX_ach_achievements_UnitRegisteredAt",
                table: "ach_achievements");
        }
    }
}
