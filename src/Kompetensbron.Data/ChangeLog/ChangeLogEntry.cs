using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kompetensbron.Data.ChangeLog;

/// <summary>What kind of record changed.</summary>
public enum ChangedEntity
{
    Need,
    Profile,
    Programme,

    /// <summary>An organisation or one of its sites: its needs may have become matchable or not (approval, place).</summary>
    Organisation,

    /// <summary>An employer's workforce cohort (insights: retirements ahead); the match index does not use it.</summary>
    Workforce,

    /// <summary>An invitation in the employer pipeline (insights: hires); the match index does not use it.</summary>
    Invitation,
}

/// <summary>
/// One line of the change sequence: "need 42 changed" (created, edited or deleted). Written in the same transaction
/// as the change itself (<see cref="ChangeLogInterceptor"/>), so every web instance can follow the database's
/// changes in order and refresh what it holds in memory (see docs/decisions/0020-several-instances.md).
/// </summary>
public sealed class ChangeLogEntry
{
    public long Id { get; set; }
    public ChangedEntity Kind { get; set; }
    public int EntityId { get; set; }
}

internal sealed class ChangeLogEntryConfiguration : IEntityTypeConfiguration<ChangeLogEntry>
{
    public const string Table = "ChangeLog";

    public void Configure(EntityTypeBuilder<ChangeLogEntry> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
    }
}
