using System.Diagnostics.Metrics;
using Nightjar.Recording.Access;
using Nightjar.Recording.Devices;
using Nightjar.Recording.Runtime;

namespace Nightjar.Server.Devices;

internal static class DevicesServiceCollectionExtensions
{
    /// <summary>
    /// Device event sources (Hikvision ISAPI alert streams) for cameras with an <c>events</c> block, delivering to the
    /// node's <c>ICameraSignalSink</c> (resolved at the first event: see <see cref="DeferredSignalSink"/>), and their
    /// state as <see cref="IEventSourceStatusProvider"/> for camera status. Register after recording: the registry
    /// it follows is the recording engine's. In a cluster a node connects only to the devices of the cameras it owns.
    /// </summary>
    public static IServiceCollection AddNightjarDevices(this IServiceCollection services)
    {
        services.AddSingleton(sp => new DeviceEventSupervisor(
            new DeferredSignalSink(sp),
            sp.GetRequiredService<ISecretProtector>(),
            new DeviceEventOptions(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetService<IMeterFactory>(),
            sp.GetService<ICameraOwnership>()));
        services.AddSingleton<IEventSourceStatusProvider>(sp => sp.GetRequiredService<DeviceEventSupervisor>());
        services.AddHostedService<DeviceEventsService>();
        return services;
    }
}
