using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kompetensbron.Data.Migrations.Postgres
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Supervisor",
                table: "PlacementRoundPlaces",
                type: "character varying(200)",
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
