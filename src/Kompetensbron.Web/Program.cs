using Kompetensbron.Core.Geography;
using Kompetensbron.Core.Taxonomy;
using Kompetensbron.Core.Text;
using Kompetensbron.Data;
using Kompetensbron.Data.Accounts;
using Kompetensbron.Data.Database;
using Kompetensbron.Data.Demo;
using Kompetensbron.Data.Import;
using Kompetensbron.Data.Matching;
using Kompetensbron.Data.Placement;
using Kompetensbron.Web;
using Kompetensbron.Web.Accounts;
using Kompetensbron.Web.Coordinators;
using Kompetensbron.Web.Api;
using Kompetensbron.Web.Demo;
using Kompetensbron.Web.Employers;
using Kompetensbron.Web.Hosting;
using Kompetensbron.Web.Insights;
using Kompetensbron.Web.Localisation;
using Kompetensbron.Web.Matching;
using Kompetensbron.Web.Persons;
using Kompetensbron.Web.Placement;
using Kompetensbron.Web.Privacy;
using Kompetensbron.Web.Providers;
using Kompetensbron.Web.Security;
using Kompetensbron.Web.Taxonomy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;

services.AddKompetensbronDatabase(builder.Configuration);
services.AddSingleton(TimeProvider.System);

// The reference data is immutable and large; load it once per process, on first use.
services.AddSingleton(_ => TaxonomyModel.LoadEmbedded());
services.AddSingleton(_ => GeographyModel.LoadEmbedded());
// Building the recogniser's lexicon takes a moment; once per process (need and profile forms share it).
services.AddSingleton(sp => SkillRecogniser.Create(sp.GetRequiredService<TaxonomyModel>()));

services.AddIdentity<KompetensbronUser, IdentityRole>(AccountsServiceCollectionExtensions.ConfigureKompetensbronIdentity)
    .AddEntityFrameworkStores<KompetensbronDbContext>()
    .AddErrorDescriber<LocalisedIdentityErrorDescriber>()
    .AddDefaultTokenProviders()
    .AddKompetensbronPasswordRules();
services.ConfigureKompetensbronCookies();
services.AddKompetensbronSecurity(builder.Configuration, builder.Environment);
services.AddKompetensbronAuthorization();

// Several web instances share one database; they must share the keys that protect cookies and antiforgery tokens.
services.AddDataProtection()
    .SetApplicationName("Kompetensbron")
    .PersistKeysToDbContext<KompetensbronDbContext>()
    .ProtectKeysWithConfiguredCertificate(builder.Configuration);

services.AddKompetensbronLocalisation();
services.AddRazorPages(o =>
    {
        // Everything under /placering (rounds and incoming students) is for approved organisations and coordinators,
        // decided here once for the whole folder, not by each page.
        o.Conventions.AuthorizeFolder(PlacementPages.Folder, ApprovedMemberPolicy.Name);
    })
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(o =>
        o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));

services.AddProblemDetails();
services.AddOpenApi(ApiSetup.ConfigureOpenApi);
services.AddKompetensbronApi();
services.AddHealthChecks().AddDbContextCheck<KompetensbronDbContext>();

services.AddScoped<Registration>();
services.AddScoped<SignUpByEmail>();
services.AddKompetensbronPrivacy(builder.Configuration);
services.AddScoped<InsightsDashboard>();
// One per process: the insights input, read again only after the change sequence moves (decision 0024).
services.AddSingleton<Kompetensbron.Data.Insights.InsightsInputCache>();
services.AddMatching();
services.AddPlacementRounds();
services.AddEmployerJourney();
services.AddProviderJourney();
services.AddCoordinatorTools();
services.AddPersonJourney();
services.AddDemoSeeder();
services.AddSingleton<DemoStatus>();
services.AddKompetensbronImport();
services.AddSingleton<Kompetensbron.Web.Import.ImportUploads>();
services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));

var app = builder.Build();

try
{
    await app.Services.PrepareDatabaseAsync(app.Lifetime.ApplicationStopping);
}
catch (UnsafeStartException)
{
    // Already logged as critical; disposing flushes the log before the non-zero exit.
    await app.DisposeAsync();
    return 1;
}

app.Lifetime.ApplicationStarted.Register(() => ListeningAddresses.Announce(app.Services));

// In every environment, Development too: an exception is logged, never shown. The developer exception page would
// answer with the stack trace and echo the request's Authorization header and cookies.
app.UseWhen(ApiRoutes.IsApi, api => api.UseExceptionHandler());
app.UseWhen(context => !ApiRoutes.IsApi(context), pages => pages.UseExceptionHandler("/fel/500"));

app.UseKompetensbronSecurity();

// The API answers errors (an unknown route, 401, 403 …) with problem details; pages with the error page.
app.UseWhen(ApiRoutes.IsApi, api => api.UseStatusCodePages());
app.UseWhen(context => !ApiRoutes.IsApi(context), pages => pages.UseStatusCodePagesWithReExecute("/fel/{0}"));
app.UseClientErrors();
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthChecks("/health");
app.MapOpenApi();
// Scalar would fetch its fonts from its CDN; the CSP allows only our own origin, so it uses system fonts.
app.MapScalarApiReference(o => o.DisableDefaultFonts());
app.MapTaxonomyEndpoints();
app.MapInsightsEndpoints();
app.MapMatchingEndpoints();
app.MapEmployerEndpoints();
app.MapKompetensbronApi();
app.MapCultureEndpoints();
app.MapRazorPages();

await app.RunAsync();
return 0;
