using Kompetensbron.Core.Profiles;
using Kompetensbron.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kompetensbron.Data.Configurations;

internal sealed class ProfileConfiguration : IEntityTypeConfiguration<Profile>
{
    public void Configure(EntityTypeBuilder<Profile> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.DisplayName).IsRequired().HasMaxLength(ColumnLengths.Name);
        builder.Property(p => p.MunicipalityCode).IsRequired().HasMaxLength(ColumnLengths.MunicipalityCode);
        builder.Property(p => p.PlaceName).HasMaxLength(ColumnLengths.Name);
        builder.Property(p => p.PostalCode).HasMaxLength(ColumnLengths.PostalCode);
        builder.PrimitiveCollection(p => p.Licences).ElementType(e => e.HasMaxLength(ColumnLengths.Code));
        builder.HasIndex(p => p.MunicipalityCode);
        builder.HasIndex(p => p.IsDemo);

        // Deleting an account deletes the person's profile (GDPR erasure in one step); set-null would leave an
        // orphaned profile with personal data nobody can manage. One profile per account.
        builder.Property(p => p.UserId).HasMaxLength(ColumnLengths.UserId);
        builder.HasOne<KompetensbronUser>()
            .WithMany()
            .HasForeignKey(p => p.UserId)
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.UserId).IsUnique();

        builder.HasMany(p => p.Skills).WithOne().HasForeignKey(s => s.ProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Occupations).WithOne().HasForeignKey(o => o.ProfileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Languages).WithOne().HasForeignKey(l => l.ProfileId).OnDelete(DeleteBehavior.Cascade);

        // The child rows are part of the profile: every query that loads a profile loads them.
        builder.Navigation(p => p.Skills).AutoInclude();
        builder.Navigation(p => p.Occupations).AutoInclude();
        builder.Navigation(p => p.Languages).AutoInclude();
    }
}

internal sealed class ProfileSkillConfiguration : IEntityTypeConfiguration<ProfileSkill>
{
    public void Configure(EntityTypeBuilder<ProfileSkill> builder)
    {
        builder.ToTable("ProfileSkills");
        builder.HasKey(s => new { s.ProfileId, s.SkillId });
        builder.Property(s => s.SkillId).IsRequired().HasMaxLength(ColumnLengths.ConceptId);
        builder.HasIndex(s => s.SkillId);
    }
}

internal sealed class ProfileOccupationConfiguration : IEntityTypeConfiguration<ProfileOccupation>
{
    public void Configure(EntityTypeBuilder<ProfileOccupation> builder)
    {
        builder.ToTable("ProfileOccupations");
        builder.HasKey(o => new { o.ProfileId, o.OccupationId });
        builder.Property(o => o.OccupationId).IsRequired().HasMaxLength(ColumnLengths.ConceptId);
        builder.Property(o => o.Years).HasPrecision(4, 1);
        builder.HasIndex(o => o.OccupationId);
    }
}

internal sealed class ProfileLanguageConfiguration : IEntityTypeConfiguration<ProfileLanguage>
{
    public void Configure(EntityTypeBuilder<ProfileLanguage> builder)
    {
        builder.ToTable("ProfileLanguages");
        builder.HasKey(l => new { l.ProfileId, l.LanguageId });
        builder.Property(l => l.LanguageId).IsRequired().HasMaxLength(ColumnLengths.ConceptId);
    }
}
