using Kompetensbron.Core.Needs;
using Kompetensbron.Core.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kompetensbron.Data.Invitations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Ignore(i => i.RevealsContact);
        builder.Ignore(i => i.NextSteps);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(40);

        // Deleting the person's profile (erasure) or the need removes the invitation with it.
        builder.HasOne<Need>().WithMany().HasForeignKey(i => i.NeedId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Profile>().WithMany().HasForeignKey(i => i.ProfileId).OnDelete(DeleteBehavior.Cascade);

        builder.HasIndex(i => new { i.NeedId, i.ProfileId }).IsUnique();
        builder.HasIndex(i => i.ProfileId);
    }
}
