using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kompetensbron.Web.Tests.Infrastructure;

/// <summary>
/// The app as the README runs it (<c>dotnet run</c>: the Development environment), without demo data, plus one
/// route, any path ending in <see cref="ThrowingPath"/>, that fails inside the app's pipeline as a bug would.
/// </summary>
public sealed class DevelopmentWebFactory : EmptyWebFactory
{
    public const string ThrowingPath = "/test/fails";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ThrowingRoute>());
    }

    /// <summary>Added after the app's own pipeline: reached only when no page or endpoint answered, inside its error handling.</summary>
    private sealed class ThrowingRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, following) => context.Request.Path.Value?.EndsWith(ThrowingPath, StringComparison.Ordinal) == true
                ? throw new InvalidOperationException("A bug in the app.")
                : following(context));
        };
    }
}
