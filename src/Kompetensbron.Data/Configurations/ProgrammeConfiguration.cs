using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kompetensbron.Data.Configurations;

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Title).IsRequired().HasMaxLength(ColumnLengths.Title);
        builder.Property(p => p.Description).HasMaxLength(ColumnLengths.Description);
        builder.Property(p => p.SunFieldCode).HasMaxLength(8);
        builder.Property(p => p.SunLevelCode).HasMaxLength(8);
        builder.PrimitiveCollection(p => p.SkillIds).ElementType(e => e.HasMaxLength(ColumnLengths.ConceptId));
        builder.PrimitiveCollection(p => p.StartDates);

        builder.HasOne<Organisation>()
            .WithMany()
            .HasForeignKey(p => p.ProviderId)
            .OnDelete(DeleteBehavior.Cascade);

        builder.HasOne<Site>()
            .WithMany()
            .HasForeignKey(p => p.SiteId)
            .OnDelete(DeleteBehavior.SetNull);

        builder.HasIndex(p => new { p.IsArchived, p.Level });
    }
}
