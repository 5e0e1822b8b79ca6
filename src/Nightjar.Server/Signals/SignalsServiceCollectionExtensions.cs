using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nightjar.Persistence;
using Nightjar.Recording.Protection;
using Nightjar.Recording.Retention;
using Nightjar.Recording.Runtime;
using Nightjar.Recording.Signals;

namespace Nightjar.Server.Signals;

internal static class SignalsServiceCollectionExtensions
{
    /// <summary>
    /// The signal pipeline (<see cref="ICameraSignalSink"/>: the alarm API, the trigger and device event sources report
    /// to it), the protection read model (<see cref="IProtectionSource"/>, also as <see cref="ProtectionIndex"/>) and the
    /// evidence lock service, all singletons. Register after the recording engine: the startup service needs the
    /// migrated journal and the camera registry, and stops the pipeline before the engine on shutdown.
    /// <see cref="SignalPipelineOptions"/> can be replaced by registering one before this call; by default a motion
    /// that never stops is closed after <c>Retention:MaxMotionMinutes</c>, the length retention assumes too.
    /// </summary>
    public static IServiceCollection AddNightjarSignals(this IServiceCollection services, Configuration.RetentionOptions retention)
    {
        ArgumentNullException.ThrowIfNull(retention);
        services.TryAddSingleton(new SignalPipelineOptions { MaxMotionLength = retention.MaxMotionLength });
        services.TryAddSingleton(sp => new ProtectionIndex(sp.GetRequiredService<IEventJournal>(), sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton<IProtectionSource>(sp => sp.GetRequiredService<ProtectionIndex>());
        services.TryAddSingleton(sp => new CameraSignalPipeline(
            new JournalEventStore(sp.GetRequiredService<IEventJournal>()),
            sp.GetRequiredService<ICameraManager>(),
            sp.GetRequiredService<SignalPipelineOptions>(),
            sp.GetRequiredService<ProtectionIndex>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IMeterFactory>()));
        services.TryAddSingleton<ICameraSignalSink>(sp => sp.GetRequiredService<CameraSignalPipeline>());
        services.TryAddSingleton(sp => new EvidenceLocks(
            sp.GetRequiredService<IEventJournal>(),
            sp.GetRequiredService<ICameraManager>(),
            sp.GetRequiredService<ProtectionIndex>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService<SignalsStartupService>();
        return services;
    }
}
