using Nightjar.Server.EventSinks;

namespace Nightjar.Server.Configuration;

/// <summary>
/// Every options section of the node, bound and validated together before the host is built, so a
/// bad configuration reports all its problems at once and stops the process before anything listens.
/// </summary>
/// <remarks>To add a section: an <see cref="INightjarOptions"/> class, a property here, a line in
/// <see cref="Load"/> and in <see cref="ConfigurationServiceCollectionExtensions.AddNightjarOptions"/>,
/// and a row in the README's configuration reference.</remarks>
internal sealed class NightjarSettings
{
    /// <summary>Top-level sections that are not ours but are legitimate (logging levels).</summary>
    public static readonly IReadOnlyList<string> ForeignSections = ["Logging"];

    public required HttpOptions Http { get; init; }

    public required RtspOptions Rtsp { get; init; }

    public required DataOptions Data { get; init; }

    public required DatabaseOptions Database { get; init; }

    public required StorageOptions Storage { get; init; }

    public required NodeOptions Node { get; init; }

    public required ClusterOptions Cluster { get; init; }

    public required AuthOptions Auth { get; init; }

    public required TelemetryOptions Telemetry { get; init; }

    public required ShutdownOptions Shutdown { get; init; }

    public required RecordingOptions Recording { get; init; }

    public required RetentionOptions Retention { get; init; }

    /// <summary>Event API, server-sent events and sink delivery; registered with DI by the events area itself.</summary>
    public required EventsOptions Events { get; init; }

    /// <summary>Binds and validates all sections; throws <see cref="ConfigurationException"/> listing every problem.</summary>
    public static NightjarSettings Load(IConfiguration configuration)
    {
        var errors = new List<ConfigurationError>();
        var binder = new OptionsBinding(configuration, errors);
        var settings = new NightjarSettings
        {
            Http = binder.Bind<HttpOptions>(),
            Rtsp = binder.Bind<RtspOptions>(),
            Data = binder.Bind<DataOptions>(),
            Database = binder.Bind<DatabaseOptions>(),
            Storage = binder.Bind<StorageOptions>(),
            Node = binder.Bind<NodeOptions>(),
            Cluster = binder.Bind<ClusterOptions>(),
            Auth = binder.Bind<AuthOptions>(),
            Telemetry = binder.Bind<TelemetryOptions>(),
            Shutdown = binder.Bind<ShutdownOptions>(),
            Recording = binder.Bind<RecordingOptions>(),
            Retention = binder.Bind<RetentionOptions>(),
            Events = binder.Bind<EventsOptions>(),
        };
        binder.RejectUnknownSections(ForeignSections);

        if (!settings.Database.IsEmbedded && settings.Cluster.Key is null)
        {
            errors.Add(new ConfigurationError("Cluster:Key",
                "must be set when Database:ConnectionString is set: cluster nodes authenticate their calls to each other with it"));
        }

        return errors.Count > 0 ? throw new ConfigurationException(errors) : settings;
    }
}
