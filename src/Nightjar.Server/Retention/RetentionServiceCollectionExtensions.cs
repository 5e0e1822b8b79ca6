using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nightjar.Persistence;
using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Retention;
using Nightjar.Recording.Runtime;
using Nightjar.Server.Configuration;
using Nightjar.Server.Health;
using RetentionSection = Nightjar.Server.Configuration.RetentionOptions;

namespace Nightjar.Server.Retention;

internal static class RetentionServiceCollectionExtensions
{
    /// <summary>
    /// The node's retention: <see cref="RetentionService"/> over the journal, the catalog, the cameras and the
    /// protection source, run by <see cref="RetentionHostedService"/>; the segment pins exports take; the camera
    /// commands that ask for a pass. Register after the recording engine: hosted services start in registration order
    /// and stop in reverse, so retention starts after recording and stops before it.
    /// </summary>
    /// <remarks>
    /// The <see cref="IProtectionSource"/> (motion windows and locks) is registered by the signals area. It is resolved
    /// when retention starts, not here, so the order of registration does not matter; without one retention does not
    /// run (it cannot know what is protected) and says so.
    /// </remarks>
    public static IServiceCollection AddNightjarRetention(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SegmentPins>();
        services.TryAddSingleton<ISegmentPins>(sp => sp.GetRequiredService<SegmentPins>());
        services.TryAddSingleton<IStorageSpaceProbe, FileSystemSpaceProbe>();
        services.TryAddSingleton(sp => new ExportPins(sp.GetRequiredService<ISegmentPins>(), [.. Roots(sp).Select(r => r.Path)]));
        services.TryAddSingleton(sp => new RetentionHostedService(
            () => CreateService(sp),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<RetentionHostedService>>()));
        services.AddHostedService(sp => sp.GetRequiredService<RetentionHostedService>());
        services.AddReadinessCheck<RetentionReadinessCheck>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, RetentionJsonContext.Default));

        // The API's camera commands ask for a pass once they are applied; the engine itself stays what retention reads.
        services.Replace(ServiceDescriptor.Singleton<ICameraManager>(sp => new RetentionAwareCameraManager(
            sp.GetRequiredService<RecordingEngine>(), sp.GetRequiredService<RetentionHostedService>().RequestPass)));
        return services;
    }

    private static RetentionService CreateService(IServiceProvider sp)
    {
        var section = sp.GetRequiredService<IOptions<RetentionSection>>().Value;
        return new RetentionService(
            // In a cluster a node retains only what its own disk holds (its roots are "{node}/N" in the catalog).
            RetentionSettings.ToCoreOptions(section) with { NodeId = sp.GetRequiredService<RecordingEngine>().NodeId },
            Roots(sp),
            sp.GetRequiredService<IEventJournal>(),
            sp.GetRequiredService<ISegmentCatalog>(),
            sp.GetRequiredService<ICameraManager>(),
            sp.GetService<IProtectionSource>() ?? throw new MissingProtectionSourceException(),
            sp.GetRequiredService<ISegmentPins>(),
            sp.GetRequiredService<IStorageSpaceProbe>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IMeterFactory>());
    }

    private static IReadOnlyList<RetentionRoot> Roots(IServiceProvider sp) =>
        RetentionSettings.ToRoots(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value,
            sp.GetRequiredService<IOptions<DataOptions>>().Value);
}
