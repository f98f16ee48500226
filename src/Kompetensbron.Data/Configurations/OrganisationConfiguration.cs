using Kompetensbron.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kompetensbron.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Name).IsRequired().HasMaxLength(ColumnLengths.Name);
        builder.Property(o => o.OrganisationNumber).IsRequired().HasMaxLength(ColumnLengths.OrganisationNumber);
        builder.HasIndex(o => o.OrganisationNumber).IsUnique();
        builder.Property(o => o.SniCode).HasMaxLength(8);
        builder.HasIndex(o => new { o.Kind, o.IsApproved });
        builder.HasIndex(o => o.IsDemo);

        builder.HasMany(o => o.Sites)
            .WithOne()
            .HasForeignKey(s => s.OrganisationId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).IsRequired().HasMaxLength(ColumnLengths.Name);
        builder.Property(s => s.MunicipalityCode).IsRequired().HasMaxLength(ColumnLengths.MunicipalityCode);
        builder.Property(s => s.PlaceName).HasMaxLength(ColumnLengths.Name);
        builder.Property(s => s.PostalCode).HasMaxLength(ColumnLengths.PostalCode);
        builder.HasIndex(s => s.MunicipalityCode);
    }
}
