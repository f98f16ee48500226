using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kompetensbron.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlacementPlaceRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MinimumAge",
                table: "PlacementRoundPlaces",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Supervisor",
                table: "PlacementRoundPlaces",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MinimumAge",
                table: "PlacementRoundPlaces");

            migrationBuilder.DropColumn(
                name: "Supervisor",
                table: "PlacementRoundPlaces");
        }
    }
}
