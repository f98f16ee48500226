using Kompetensbron.Core.Organisations;
using Kompetensbron.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kompetensbron.Data.Configurations;

internal sealed class KompetensbronUserConfiguration : IEntityTypeConfiguration<KompetensbronUser>
{
    public void Configure(EntityTypeBuilder<KompetensbronUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(ColumnLengths.Name);

        // An organisation with members cannot be deleted by accident: a coordinator moves or removes them first.
        builder.HasOne<Organisation>()
            .WithMany()
            .HasForeignKey(u => u.OrganisationId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
