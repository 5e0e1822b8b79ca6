using Microsoft.Extensions.DependencyInjection.Extensions;
using Nightjar.Media.Rtsp;

namespace Nightjar.Server.Rtsp;

internal static class RtspServiceCollectionExtensions
{
    /// <summary>
    /// The RTSP relay as a hosted service. Without a registered <see cref="IRtspAuthenticator"/> nobody may read
    /// (only loopback publishers are trusted), so a node is never an open relay by accident.
    /// </summary>
    public static IServiceCollection AddNightjarRtsp(this IServiceCollection services)
    {
        services.TryAddSingleton<IRtspAuthenticator>(_ => new ConfiguredRtspAuthenticator(new RtspAuthOptions()));
        services.AddSingleton<RtspRelayService>();
        services.AddHostedService(sp => sp.GetRequiredService<RtspRelayService>());
        return services;
    }
}
