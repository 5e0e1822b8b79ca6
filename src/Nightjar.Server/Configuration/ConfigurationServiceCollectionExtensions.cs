using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Nightjar.Server.Configuration;

internal static class ConfigurationServiceCollectionExtensions
{
    /// <summary>Registers every options section as <c>IOptions&lt;T&gt;</c>, validated when the host starts.</summary>
    public static IServiceCollection AddNightjarOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNightjarOptions<HttpOptions>(configuration);
        services.AddNightjarOptions<RtspOptions>(configuration);
        services.AddNightjarOptions<DataOptions>(configuration);
        services.AddNightjarOptions<DatabaseOptions>(configuration);
        services.AddNightjarOptions<StorageOptions>(configuration);
        services.AddNightjarOptions<NodeOptions>(configuration);
        services.AddNightjarOptions<ClusterOptions>(configuration);
        services.AddNightjarOptions<AuthOptions>(configuration);
        services.AddNightjarOptions<TelemetryOptions>(configuration);
        services.AddNightjarOptions<ShutdownOptions>(configuration);
        services.AddNightjarOptions<RecordingOptions>(configuration);
        services.AddNightjarOptions<RetentionOptions>(configuration);
        return services;
    }

    public static OptionsBuilder<T> AddNightjarOptions<T>(this IServiceCollection services, IConfiguration configuration)
        where T : class, INightjarOptions
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, NightjarOptionsValidator<T>>());
        return services.AddOptions<T>()
            .Bind(configuration.GetSection(T.SectionName))
            .ValidateOnStart();
    }
}
