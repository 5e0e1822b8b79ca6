using Nightjar.Cluster.Coordination;
using Nightjar.Persistence;
using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Runtime;
using Nightjar.Server.Cluster;
using Nightjar.Server.Configuration;
using Nightjar.Server.Health;

namespace Nightjar.Server.Storage;

internal static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The event journal and the segment catalog (embedded SQLite in the data directory, or PostgreSQL), migrated
    /// by <see cref="DatabaseStartupService"/> before any later hosted service starts: register this early.
    /// </summary>
    public static IServiceCollection AddNightjarStorage(this IServiceCollection services, NightjarSettings settings, ClusterInstance instance)
    {
        var journalOptions = new EventJournalOptions
        {
            // Journal sessions name this process, so the database refuses DVR writes for cameras it does not own.
            ConnectionString = settings.Database.IsEmbedded ? null : ClusterFence.WithInstance(settings.Database.ConnectionString!, instance.Id),
            DataPath = settings.Data.GetFullPath(),
        };
        services.AddSingleton(journalOptions);
        services.AddSingleton(_ =>
        {
            var registry = new EventTypeRegistry();
            RecordingEngine.RegisterJournalTypes(registry);
            return registry;
        });
        services.AddSingleton(sp => EventJournalFactory.Create(
            journalOptions,
            sp.GetRequiredService<EventTypeRegistry>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton(sp => SegmentCatalogFactory.Create(
            journalOptions,
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton<DatabaseStartupService>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseStartupService>());
        services.AddReadinessCheck<JournalReadinessCheck>();
        return services;
    }
}
