using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechTransfer.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Wave7Evidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exch_evidence_chains",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    HeadHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exch_evidence_chains", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "exch_evidence_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChainKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Facts = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exch_evidence_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exch_evidence_records_exch_evidence_chains_ChainKey",
                        column: x => x.ChainKey,
                        principalTable: "exch_evidence_chains",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_exch_evidence_records_ChainKey_Sequence",
                table: "exch_evidence_records",
                columns: new[] { "ChainKey", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exch_evidence_records");

            migrationBuilder.DropTable(
                name: "exch_evidence_chains");
        }
    }
}
