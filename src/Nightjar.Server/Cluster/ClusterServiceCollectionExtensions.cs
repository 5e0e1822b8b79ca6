using Nightjar.Recording.Runtime;
using Nightjar.Server.Configuration;
using Nightjar.Server.Health;
using Nightjar.Server.Security;

namespace Nightjar.Server.Cluster;

internal static class ClusterServiceCollectionExtensions
{
    /// <summary>
    /// Membership (cluster mode: Database:ConnectionString names PostgreSQL) or the single-node directory. Register
    /// right after storage: joining needs the journal migrated, and recording needs this node to be a member.
    /// </summary>
    public static IServiceCollection AddNightjarClusterMembership(this IServiceCollection services, NightjarSettings settings, ClusterInstance instance)
    {
        services.AddSingleton(instance);
        if (settings.Database.IsEmbedded)
        {
            services.AddSingleton<IClusterDirectory>(new SingleNodeDirectory(settings.Node.Id));
            return services;
        }

        services.AddSingleton(sp => new ClusterRuntime(
            settings,
            instance,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<CameraAssignments>();
        services.AddSingleton<ICameraOwnership>(sp => sp.GetRequiredService<CameraAssignments>());
        services.AddSingleton<ISegmentAuthority, ClusterSegmentAuthority>();
        services.AddSingleton<ClusterDirectory>();
        services.AddSingleton<IClusterDirectory>(sp => sp.GetRequiredService<ClusterDirectory>());
        services.AddHostedService<ClusterMembershipService>();
        services.AddReadinessCheck<ClusterReadinessCheck>();

        // A key created through another node must work here within about a second.
        services.Configure<ApiKeyStoreOptions>(o => o.RefreshInterval = TimeSpan.FromSeconds(settings.Cluster.RegistryRefreshSeconds));
        return services;
    }

    /// <summary>The node agent and coordinator. Register after recording: it starts after the engine and drains before it stops.</summary>
    public static IServiceCollection AddNightjarClusterAgent(this IServiceCollection services, NightjarSettings settings)
    {
        if (settings.Database.IsEmbedded)
        {
            return services;
        }

        services.AddSingleton<ClusterAgentService>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterAgentService>());
        services.AddHostedService<ClusterSinkDelivery>();
        return services;
    }
}
