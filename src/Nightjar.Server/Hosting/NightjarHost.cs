using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;
using Nightjar.Server.Cluster;
using Nightjar.Server.Cluster.Routing;
using Nightjar.Server.Configuration;
using Nightjar.Server.Devices;
using Nightjar.Server.EventSinks;
using Nightjar.Server.Health;
using Nightjar.Server.Http;
using Nightjar.Server.Playback;
using Nightjar.Server.Recording;
using Nightjar.Server.Retention;
using Nightjar.Server.Rtsp;
using Nightjar.Server.Security;
using Nightjar.Server.Signals;
using Nightjar.Server.Storage;
using Nightjar.Server.Telemetry;
using OpenTelemetry.Logs;

namespace Nightjar.Server.Hosting;

/// <summary>
/// Builds a node's web host from configuration. <c>nightjar node run</c> uses it with Kestrel; tests use it
/// with TestServer (<c>ConfigureBuilder = b => b.WebHost.UseTestServer()</c>) or with Kestrel on 127.0.0.1:0.
/// </summary>
internal static class NightjarHost
{
    /// <summary>Loads and validates the configuration, then builds the host (not started).</summary>
    /// <exception cref="ConfigurationException">The file cannot be used or a value is invalid.</exception>
    public static WebApplication Build(NightjarHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var environment = options.EnvironmentVariables ?? Environment.GetEnvironmentVariables();
        var configuration = NightjarConfiguration.Load(options.ConfigFile, environment, options.Overrides);
        var settings = NightjarSettings.Load(configuration);
        var otlp = OtlpExport.Resolve(
            settings.Telemetry.OtlpEndpoint,
            environment[TelemetryOptions.OtlpEndpointEnvironmentVariable] as string);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = NightjarTelemetry.ServiceName,
            // Static assets (the web UI, later) ship beside the binary, not in the working directory.
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Only what the operator wrote configures a node: drop appsettings.json, unprefixed environment
        // variables and command-line sources that CreateBuilder added.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);

        ConfigureLogging(builder, settings, otlp);
        ConfigureHost(builder, settings);

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddNightjarOptions(builder.Configuration);
        services.AddSingleton<NodeInfo>();
        services.AddHostedService<NodeLifecycleService>();
        services.AddNightjarTelemetry(otlp);
        services.AddNightjarHealth();
        services.AddNightjarHttp();
        var instance = ClusterInstance.New();
        services.AddNightjarStorage(settings, instance);
        services.AddNightjarClusterMembership(settings, instance); // after storage (journal migrated), before recording (owns cameras)
        services.AddNightjarSecurity(settings);              // after storage (reads the journal), before recording (protects secrets)
        services.AddNightjarRtsp();
        services.AddNightjarPlayback();
        services.AddNightjarRecording();
        services.AddNightjarClusterAgent(settings);          // after recording: starts once the engine runs, drains before it stops
        services.AddNightjarClusterRouting();                // after security, playback and recording: forwards what another node holds
        services.AddNightjarSignals(settings.Retention);     // after recording: alarms, locks, protection read model
        services.AddNightjarDevices();                       // after signals: device events stop before the pipeline they report to
        services.AddNightjarRetention();                     // after recording: starts after it, stops before it
        services.AddNightjarEvents(builder.Configuration); // after recording: sinks start last, stop first

        options.ConfigureBuilder?.Invoke(builder);

        var app = builder.Build();

        // Eager: uptime counts from here, and meter listeners exist before the first request.
        app.Services.GetRequiredService<NodeInfo>();
        app.Services.GetRequiredService<TelemetryProviders>();
        app.Services.GetRequiredService<ServerMetrics>();

        app.UseNightjarPipeline();
        options.ConfigureApp?.Invoke(app);
        app.MapNightjarEndpoints();
        return app;
    }

    private static void ConfigureHost(WebApplicationBuilder builder, NightjarSettings settings)
    {
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.Shutdown.Timeout);
        // NodeLifecycleService logs start and shutdown with the node id instead.
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(settings.Http.GetBindAddress(), settings.Http.Port);
        });
    }

    private static void ConfigureLogging(WebApplicationBuilder builder, NightjarSettings settings, OtlpExport otlp)
    {
        var logging = builder.Logging;
        logging.ClearProviders();
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.UseUtcTimestamp = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            console.IncludeScopes = false;
            console.ColorBehavior = LoggerColorBehavior.Default;
        });

        if (otlp.Enabled)
        {
            logging.AddOpenTelemetry(o =>
            {
                o.IncludeScopes = true;
                o.IncludeFormattedMessage = true;
                o.SetResourceBuilder(NightjarTelemetry.CreateResource(settings.Node.Id));
                o.AddOtlpExporter(otlp.Apply);
            });
        }
    }
}
