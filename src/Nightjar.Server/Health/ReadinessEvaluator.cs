using System.Globalization;
using Microsoft.Extensions.Options;
using Nightjar.Server.Telemetry;

namespace Nightjar.Server.Health;

/// <summary>Runs every registered <see cref="IReadinessCheck"/> concurrently, each under a timeout; never throws.</summary>
internal sealed partial class ReadinessEvaluator(
    IEnumerable<IReadinessCheck> checks,
    IOptions<ReadinessOptions> options,
    TimeProvider timeProvider,
    ServerMetrics metrics,
    ILogger<ReadinessEvaluator> logger)
{
    private readonly IReadOnlyList<IReadinessCheck> _checks = [.. checks];

    public async Task<ReadinessReport> EvaluateAsync(CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(_checks.Select(check => RunAsync(check, cancellationToken)));
        return new ReadinessReport(results);
    }

    private async Task<ReadinessCheckReport> RunAsync(IReadinessCheck check, CancellationToken cancellationToken)
    {
        var timeout = options.Value.CheckTimeout;
        var started = timeProvider.GetTimestamp();
        using var timeoutSource = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        ReadinessResult result;
        try
        {
            // WaitAsync: a check that ignores its token must not hold the probe past the timeout.
            result = await check.CheckAsync(linked.Token).WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogCheckTimedOut(check.Name, timeout.TotalMilliseconds);
            result = ReadinessResult.NotReady(string.Create(CultureInfo.InvariantCulture,
                $"timed out after {timeout.TotalMilliseconds} ms"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The probe is often unauthenticated: the exception's message stays in the log.
            LogCheckThrew(check.Name, ex);
            result = ReadinessResult.NotReady($"failed with {ex.GetType().Name} (see the node log)");
        }

        var elapsed = timeProvider.GetElapsedTime(started);
        if (!result.IsReady)
        {
            metrics.ReadinessCheckFailed(check.Name);
        }

        return new ReadinessCheckReport(check.Name, result.IsReady, result.Description, Math.Round(elapsed.TotalMilliseconds, 3));
    }
}
