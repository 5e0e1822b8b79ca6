using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Nightjar.Server.Telemetry;

internal static class TelemetryServiceCollectionExtensions
{
    public static IServiceCollection AddNightjarTelemetry(this IServiceCollection services, OtlpExport otlp)
    {
        services.AddMetrics();
        services.TryAddSingleton(otlp);
        services.TryAddSingleton<ServerMetrics>();
        services.TryAddSingleton<TelemetryProviders>();
        return services;
    }

    /// <summary>Adds views, readers or exporters to the providers (see <see cref="TelemetryCustomization"/>).</summary>
    public static IServiceCollection AddTelemetryCustomization(this IServiceCollection services, TelemetryCustomization customization)
    {
        services.AddSingleton(customization);
        return services;
    }
}
