using Kompetensbron.Data.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kompetensbron.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Id);

        // No foreign keys: the log outlives the accounts and profiles it mentions (their ids are erased instead).
        builder.Property(e => e.ActorUserId).HasMaxLength(ColumnLengths.UserId);
        builder.Property(e => e.SubjectUserId).HasMaxLength(ColumnLengths.UserId);
        builder.HasIndex(e => e.SubjectProfileId);
        builder.HasIndex(e => e.SubjectUserId);
        builder.HasIndex(e => e.ActorUserId);
    }
}
