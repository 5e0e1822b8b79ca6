using Microsoft.Extensions.Options;
using Nightjar.Recording.Access;
using Nightjar.Server.Configuration;

namespace Nightjar.Server.Security;

/// <summary>
/// At start: loads the API keys, resolves the playback token key, creates the bootstrap admin key on an empty store (from <c>Auth:BootstrapAdminKey</c>,
/// or generated and announced once), creates the Data Protection key directory and the playback token key. Then
/// re-reads the keys every <see cref="ApiKeyStoreOptions.RefreshInterval"/> so keys created or revoked on other nodes take effect here.
/// Register it after the storage services (their migrations run first) and before anything that protects secrets.
/// </summary>
internal sealed partial class ApiKeyStartupService(
    ApiKeyStore store,
    AdminKeyAnnouncer announcer,
    PlaybackTokenKey playbackKey,
    IOptions<AuthOptions> auth,
    IOptions<DataOptions> data,
    IOptions<ApiKeyStoreOptions> storeOptions,
    TimeProvider timeProvider,
    ILogger<ApiKeyStartupService> logger) : BackgroundService
{
    /// <summary>What the bootstrap decided at this start (<see cref="ApiKeyBootstrapStatus.NotNeeded"/> until then).</summary>
    public ApiKeyBootstrapStatus BootstrapStatus { get; private set; } = ApiKeyBootstrapStatus.NotNeeded;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        SecurityDirectories.CreateKeyRingDirectory(data.Value.GetFullPath());
        // Resolved with this service: a bad key file stops the start here, not at the first token request.
        var keyFile = Path.Combine(data.Value.GetFullPath(), PlaybackTokenKey.FileName);
        LogPlaybackKey(logger, playbackKey.Origin, keyFile);

        var result = await store.BootstrapAsync(auth.Value.BootstrapAdminKey, cancellationToken);
        BootstrapStatus = result.Status;
        switch (result.Status)
        {
            case ApiKeyBootstrapStatus.InvalidConfiguredKey:
                throw new ConfigurationException([new ConfigurationError("Auth:BootstrapAdminKey", result.Error ?? "is not a usable key")]);
            case ApiKeyBootstrapStatus.FromConfiguration:
                LogBootstrapFromConfiguration(logger, result.Event!.Id);
                break;
            case ApiKeyBootstrapStatus.Generated:
                LogBootstrapGenerated(logger, result.Event!.Id);
                announcer.Announce(result.GeneratedKey!);
                break;
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (storeOptions.Value.RefreshInterval is not { } interval)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await store.RefreshAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database may be away for a while: keep serving the keys we have, try again next tick.
                    LogRefreshFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
