using System.Collections.Concurrent;
using System.Net;
using Kompetensbron.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Kompetensbron.Web.Tests.Privacy;

/// <summary>Every log line the app writes, down to Debug, including framework and EF Core categories.</summary>
public sealed class LogRecordingWebFactory : EmptyWebFactory
{
    public ConcurrentQueue<string> Lines { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Logging:LogLevel:Default", "Debug");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Debug");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Debug");
        builder.ConfigureLogging(logging => logging.AddProvider(new RecordingProvider(Lines)));
    }

    private sealed class RecordingProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, lines);

        public void Dispose()
        {
        }
    }

    private sealed class Recorder(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            lines.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
    }
}

public sealed class LoggingTests(LogRecordingWebFactory factory) : IClassFixture<LogRecordingWebFactory>
{
    [Fact]
    public async Task No_email_address_or_name_reaches_the_application_log()
    {
        var name = "Loggan Hemligsson";
        var email = $"hemlig-{Guid.NewGuid():N}@test.example";
        using var client = factory.Browser();

        using (var registered = await client.SubmitFormAsync("/konto/registrera",
               [
                   new("Input.DisplayName", name), new("Input.MunicipalityCode", "0662"), new("Input.Email", email),
                   new("Input.Password", TestAccounts.Password), new("Input.ConfirmPassword", TestAccounts.Password),
               ]))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        using (var confirmed = await client.ConfirmSignUpAsync(factory, email))
        {
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        }

        using (await client.SubmitFormAsync("/min-sida", [new("Visibility", "Visible")], "/min-sida?handler=Visibility"))
        using (await client.GetAsync(new Uri("/min-sida?handler=Export", UriKind.Relative)))
        using (await client.SubmitFormAsync("/konto/logga-ut", []))
        using (await client.LoginAsync(email, "fel lösenord här"))
        using (await client.LoginAsync(email, TestAccounts.Password))
        using (await client.SubmitFormAsync("/min-sida/radera", [new("Confirm", "true")]))
        using (await client.LoginAsync("okand-" + email, TestAccounts.Password))
        {
        }

        Assert.NotEmpty(factory.Lines);
        var leaks = factory.Lines.Where(l => l.Contains(email, StringComparison.OrdinalIgnoreCase) || l.Contains(name, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(5)));
    }
}
