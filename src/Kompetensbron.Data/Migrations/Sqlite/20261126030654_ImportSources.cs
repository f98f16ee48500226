using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kompetensbron.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Skills that exist before this migration were all entered by people: Stated.
            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "NeedSkills",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Stated");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ApplicationDeadline",
                table: "Needs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalId",
                table: "Needs",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Needs_ExternalId",
                table: "Needs",
                column: "ExternalId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Needs_ExternalId",
                table: "Needs");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "NeedSkills");

            migrationBuilder.DropColumn(
                name: "ApplicationDeadline",
                table: "Needs");

            migrationBuilder.DropColumn(
                name: "ExternalId",
                table: "Needs");
        }
    }
}
