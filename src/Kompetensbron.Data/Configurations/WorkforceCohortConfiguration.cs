using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Workforce;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kompetensbron.Data.Configurations;

internal sealed class WorkforceCohortConfiguration : IEntityTypeConfiguration<WorkforceCohort>
{
    public void Configure(EntityTypeBuilder<WorkforceCohort> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.OccupationId).IsRequired().HasMaxLength(ColumnLengths.ConceptId);
        builder.HasOne<Organisation>()
            .WithMany()
            .HasForeignKey(c => c.OrganisationId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.OccupationId);
    }
}
