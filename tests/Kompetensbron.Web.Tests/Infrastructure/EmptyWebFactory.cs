using Microsoft.AspNetCore.Hosting;

namespace Kompetensbron.Web.Tests.Infrastructure;

/// <summary>The app on its own migrated database without the demo region, for tests that must not share data.</summary>
public class EmptyWebFactory : KompetensbronWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Seed", "false");
    }
}
