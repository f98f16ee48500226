using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace Kompetensbron.Web.Tests.Privacy;

public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Retention:InactiveMonths", "0")]
    [InlineData("Retention:WarningDays", "0")]
    [InlineData("Security:LoginAttemptsPerMinute", "0")]
    [InlineData("Security:MaxRequestBodyBytes", "10")]
    [InlineData("Email:From", "inte en adress")]
    public async Task A_bad_setting_stops_the_app_at_start(string key, string value)
    {
        await using var factory = new SettingFactory(key, value);
        var error = Assert.ThrowsAny<Exception>(() => factory.Server);
        Assert.IsType<OptionsValidationException>(error.GetBaseException());
    }

    private sealed class SettingFactory(string key, string value) : EmptyWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(key, value);
        }
    }
}
