using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kompetensbron.Data;
using Kompetensbron.Web.Security;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Security;

public sealed class DataProtectionTests
{
    [Fact]
    public async Task With_a_configured_certificate_the_keys_in_the_database_are_encrypted()
    {
        var pfx = Path.Combine(Path.GetTempPath(), $"kompetensbron-dp-{Guid.NewGuid():N}.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Kompetensbron test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "hemligt"));
        }

        try
        {
            await using var factory = new CertificateFactory(pfx);
            using var client = factory.Browser();
            using var page = await client.GetAsync(new Uri("/konto/logga-in", UriKind.Relative));
            Assert.True(page.IsSuccessStatusCode);

            await using var scope = factory.Services.CreateAsyncScope();
            var keys = await scope.ServiceProvider.GetRequiredService<KompetensbronDbContext>().DataProtectionKeys.ToListAsync();
            Assert.NotEmpty(keys);
            Assert.All(keys, k =>
            {
                Assert.Contains("<encryptedSecret", k.Xml ?? string.Empty, StringComparison.Ordinal);
                Assert.DoesNotContain("unencrypted", k.Xml ?? string.Empty, StringComparison.Ordinal);
            });
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    private sealed class CertificateFactory(string pfx) : EmptyWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(DataProtectionCertificate.PathKey, pfx);
            builder.UseSetting(DataProtectionCertificate.PasswordKey, "hemligt");
        }
    }
}
