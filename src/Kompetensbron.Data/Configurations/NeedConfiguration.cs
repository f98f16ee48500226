using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kompetensbron.Data.Configurations;

internal sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Title).IsRequired().HasMaxLength(ColumnLengths.Title);
        builder.Property(n => n.Description).HasMaxLength(ColumnLengths.Description);
        builder.Property(n => n.OccupationId).IsRequired().HasMaxLength(ColumnLengths.ConceptId);
        builder.Property(n => n.ExternalId).HasMaxLength(ColumnLengths.ExternalId);
        builder.HasIndex(n => n.ExternalId).IsUnique();
        builder.PrimitiveCollection(n => n.Licences).ElementType(e => e.HasMaxLength(ColumnLengths.Code));

        builder.HasOne<Organisation>()
            .WithMany()
            .HasForeignKey(n => n.OrganisationId)
            .OnDelete(DeleteBehavior.Cascade);

        // A need outlives the removal of a site: it falls back to the organisation's place.
        builder.HasOne<Site>()
            .WithMany()
            .HasForeignKey(n => n.SiteId)
            .OnDelete(DeleteBehavior.SetNull);

        builder.HasIndex(n => new { n.OrganisationId, n.Status, n.Kind });
        builder.HasIndex(n => new { n.Status, n.Kind });
        builder.HasIndex(n => n.OccupationId);

        builder.HasMany(n => n.Skills)
            .WithOne()
            .HasForeignKey(s => s.NeedId)
            .OnDelete(DeleteBehavior.Cascade);

        // Skills are part of the need: every query that loads a need loads them.
        builder.Navigation(n => n.Skills).AutoInclude();
    }
}

internal sealed class NeedSkillConfiguration : IEntityTypeConfiguration<NeedSkill>
{
    public void Configure(EntityTypeBuilder<NeedSkill> builder)
    {
        builder.ToTable("NeedSkills");
        builder.HasKey(s => new { s.NeedId, s.SkillId });
        builder.Property(s => s.SkillId).IsRequired().HasMaxLength(ColumnLengths.ConceptId);
        builder.HasIndex(s => s.SkillId);
    }
}
