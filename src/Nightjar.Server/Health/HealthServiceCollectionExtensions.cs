using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Nightjar.Server.Health;

internal static class HealthServiceCollectionExtensions
{
    public static IServiceCollection AddNightjarHealth(this IServiceCollection services)
    {
        services.AddOptions<ReadinessOptions>();
        services.TryAddSingleton<ReadinessEvaluator>();
        services.AddReadinessCheck<HostLifetimeReadinessCheck>();
        return services;
    }

    /// <summary>Adds a check that must pass for <c>/health/ready</c> to answer 200 (a singleton).</summary>
    public static IServiceCollection AddReadinessCheck<T>(this IServiceCollection services)
        where T : class, IReadinessCheck
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReadinessCheck, T>());
        return services;
    }

    /// <summary>Adds an existing check instance (e.g. a component that already tracks its own state).</summary>
    public static IServiceCollection AddReadinessCheck(this IServiceCollection services, IReadinessCheck check)
    {
        services.AddSingleton(check);
        return services;
    }
}
