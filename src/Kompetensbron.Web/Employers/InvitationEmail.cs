using Kompetensbron.Data;
using Kompetensbron.Web.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Kompetensbron.Web.Employers;

/// <summary>
/// Tells a person by e-mail that an employer has invited them. The message says only that there is an invitation
/// and where to see it: no employer, need or other detail, since e-mail may be read by others or forwarded.
/// </summary>
public sealed class InvitationEmail(KompetensbronDbContext db, IEmailSender email, EmailLinks links, IStringLocalizer<OrganisationResource> text)
{
    /// <summary>The inbox page the message points to.</summary>
    public const string InboxPath = "/min-sida/inbjudningar";

    /// <summary>Sends the notice to the profile's account; profiles without an account or e-mail (demo data) get none.</summary>
    public async Task<bool> SendAsync(int profileId, CancellationToken ct)
    {
        var address = await (from p in db.Profiles
                             where p.Id == profileId
                             join u in db.Users on p.UserId equals u.Id
                             select u.Email).FirstOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(address))
        {
            return false;
        }

        var link = links.To(InboxPath);
        await email.SendAsync(
            Bilingual.Message(address, () => (
                text["InvitationEmail_Subject"],
                link is null ? text["InvitationEmail_Body"] : $"{text["InvitationEmail_Body"]}\n\n{link}")),
            ct);
        return true;
    }
}
