using Microsoft.Extensions.Logging;
using Npgsql;

namespace Nightjar.Persistence.Postgres;

/// <summary>
/// Keeps one connection LISTENing for commits of any node, so live feeds wake up before their next poll. Only a hint:
/// on a lost connection it reconnects with backoff, and polling covers the gap.
/// </summary>
internal sealed partial class PostgresNotificationListener(NpgsqlDataSource dataSource, TimeProvider timeProvider, ILogger logger) : IAsyncDisposable
{
    public const string Channel = "nightjar_journal";

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _startLock = new();
    private Task? _loop;

    public void Start(Action onNotification)
    {
        lock (_startLock)
        {
            if (_loop is null && !_stop.IsCancellationRequested)
            {
                _loop = Task.Run(() => RunAsync(onNotification, _stop.Token));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task? loop;
        lock (_startLock)
        {
            loop = _loop;
            _stop.Cancel();
        }

        if (loop is not null)
        {
            await loop;
        }

        _stop.Dispose();
    }

    private async Task RunAsync(Action onNotification, CancellationToken stop)
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stop);
                connection.Notification += (_, _) => onNotification();
                await using (var listen = new NpgsqlCommand("LISTEN " + Channel, connection))
                {
                    await listen.ExecuteNonQueryAsync(stop);
                }

                Log.Listening(logger, Channel);
                backoff = TimeSpan.FromSeconds(1);
                // Commits made while we were not listening produced no notification: wake feeds once to catch up.
                onNotification();
                while (true)
                {
                    await connection.WaitAsync(stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A hint source must never take the process down; polling keeps feeds correct.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.ListenFailed(logger, backoff, ex);
            }

            try
            {
                await Task.Delay(backoff, timeProvider, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }
}
