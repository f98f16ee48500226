using Kompetensbron.Core.Organisations;
using Kompetensbron.Data.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kompetensbron.Data.ApiTokens;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("ApiTokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).IsRequired().HasMaxLength(ColumnLengths.Title);
        builder.Property(t => t.Prefix).IsRequired().HasMaxLength(ApiTokenService.PrefixLength);
        builder.Property(t => t.Hash).IsRequired().HasMaxLength(64);
        builder.Property(t => t.CreatedByUserId).HasMaxLength(ColumnLengths.UserId);
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasIndex(t => t.OrganisationId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
