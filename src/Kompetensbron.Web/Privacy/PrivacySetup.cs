using Kompetensbron.Data.Privacy;
using Kompetensbron.Web.Email;

namespace Kompetensbron.Web.Privacy;

/// <summary>Audit log, export, deletion, retention and the e-mail they send.</summary>
public static class PrivacySetup
{
    public static IServiceCollection AddKompetensbronPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AuditLog>();
        services.AddScoped<PersonalDataExport>();
        services.AddScoped<AccountErasure>();

        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<EmailLinks>();
        services.AddSingleton<OutboxEmailSender>();
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<OutboxEmailSender>());
        services.AddSingleton<IPersonalMessages>(sp => sp.GetRequiredService<OutboxEmailSender>());

        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<ProfileRetention>();
        services.AddHostedService<RetentionService>();
        return services;
    }
}
