using Microsoft.Extensions.Options;
using Nightjar.Recording.EventFeed;
using Nightjar.Recording.EventSinks;
using Nightjar.Recording.Runtime;
using Nightjar.Server.Configuration;

namespace Nightjar.Server.EventSinks;

internal static class EventsServiceCollectionExtensions
{
    /// <summary>
    /// The event API's metrics, the sink store and the sink supervisor (one delivery worker per sink). Register after
    /// storage and security (it reads the journal and protects sink secrets): hosted services start in order, so the
    /// workers start after the database is migrated and stop before it closes.
    /// </summary>
    public static IServiceCollection AddNightjarEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddNightjarOptions<EventsOptions>(configuration);
        services.AddSingleton(sp => new EventsMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton<EventSinkStore>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EventsOptions>>().Value.ToSinkOptions();
            return new EventSinkSupervisor(
                sp.GetRequiredService<EventSinkStore>(),
                sp.GetRequiredService<Persistence.IEventJournal>(),
                sp.GetRequiredService<Nightjar.Recording.Access.ISecretProtector>(),
                EventSinkHttp.Create(options),
                options,
                sp.GetRequiredService<EventsMetrics>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<EventSinkSupervisor>>(),
                delivering: sp.GetService<ICameraOwnership>() is null); // a cluster node waits to be the coordinator's
        });
        services.AddSingleton<Api.Events.EventStream>();
        services.AddHostedService<EventSinkHostedService>();
        return services;
    }
}
