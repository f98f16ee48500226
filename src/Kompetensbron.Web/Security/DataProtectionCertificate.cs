using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Kompetensbron.Web.Security;

/// <summary>
/// Optional encryption at rest of the data-protection keys in the database: <c>DataProtection:CertificatePath</c>
/// (a PFX file) and <c>DataProtection:CertificatePassword</c>. Without them the keys are stored unencrypted, which
/// is fine for a laptop and not for production (see docs/security.md).
/// </summary>
public static class DataProtectionCertificate
{
    public const string PathKey = "DataProtection:CertificatePath";
    public const string PasswordKey = "DataProtection:CertificatePassword";

    public static IDataProtectionBuilder ProtectKeysWithConfiguredCertificate(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration[PathKey];
        if (string.IsNullOrWhiteSpace(path))
        {
            return builder;
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{PathKey} names a file that does not exist: {path}");
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[PasswordKey]);
        return builder.ProtectKeysWithCertificate(certificate);
    }
}
