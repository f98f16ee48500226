using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Organisations;
using Kompetensbron.Core.Profiles;
using Kompetensbron.Data.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kompetensbron.Data.Placement;

internal sealed class StoredPlacementRoundConfiguration : IEntityTypeConfiguration<StoredPlacementRound>
{
    public void Configure(EntityTypeBuilder<StoredPlacementRound> builder)
    {
        builder.ToTable("PlacementRounds");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Name).IsRequired().HasMaxLength(ColumnLengths.Title);
        builder.Property(r => r.CreatedByUserId).IsRequired().HasMaxLength(ColumnLengths.UserId);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.PublishedAlgorithm).HasConversion<string>().HasMaxLength(40);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OwnerOrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.OwnerOrganisationId);
        builder.HasMany(r => r.Places).WithOne().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Applicants).WithOne().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Results).WithOne().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoundPlaceConfiguration : IEntityTypeConfiguration<RoundPlace>
{
    public void Configure(EntityTypeBuilder<RoundPlace> builder)
    {
        builder.ToTable("PlacementRoundPlaces");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => new { p.RoundId, p.NeedId }).IsUnique();
        builder.HasIndex(p => p.NeedId);
        builder.Property(p => p.Supervisor).HasMaxLength(ColumnLengths.Name);
        builder.HasOne<Need>().WithMany().HasForeignKey(p => p.NeedId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoundApplicantConfiguration : IEntityTypeConfiguration<RoundApplicant>
{
    public void Configure(EntityTypeBuilder<RoundApplicant> builder)
    {
        builder.ToTable("PlacementRoundApplicants");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Name).IsRequired().HasMaxLength(ColumnLengths.Name);
        builder.Property(a => a.School).HasMaxLength(ColumnLengths.Title);
        builder.PrimitiveCollection(a => a.Wishes);
        builder.HasIndex(a => a.ProfileId);

        // A deleted profile leaves the round (erasure reaches placement data too).
        builder.HasOne<Profile>().WithMany().HasForeignKey(a => a.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoundResultConfiguration : IEntityTypeConfiguration<RoundResult>
{
    public void Configure(EntityTypeBuilder<RoundResult> builder)
    {
        builder.ToTable("PlacementRoundResults");
        builder.HasKey(r => new { r.RoundId, r.Algorithm });
        builder.Property(r => r.Algorithm).HasConversion<string>().HasMaxLength(40);
    }
}
