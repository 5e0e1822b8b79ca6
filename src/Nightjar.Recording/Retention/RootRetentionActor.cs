using Nightjar.Actors;

namespace Nightjar.Recording.Retention;

/// <summary>
/// Retention of one storage root: runs a pass every <see cref="RetentionOptions.PassInterval"/>, at once on request
/// (coalesced: requests while one is pending make one pass), soon again after a pass that hit its bound, and at once
/// when free space crosses below the low-water mark (twice <see cref="RetentionOptions.MinFreeBytes"/>), probed every
/// <see cref="RetentionOptions.FreeSpaceCheckInterval"/>. One pass at a time, so no segment is chosen twice.
/// </summary>
internal sealed partial class RootRetentionActor : Actor<RootRetentionActor.IMessage>
{
    private const string PassTimer = "pass";
    private const string SpaceTimer = "space";

    private readonly RetentionContext _context;
    private readonly RetentionRoot _root;
    private readonly string _catalogName;
    private readonly RetentionExecutor _executor;
    private readonly RootRetentionStats _stats;
    private readonly Dictionary<string, long> _protectedBytes = new(StringComparer.Ordinal);
    private bool? _wasLow;

    public RootRetentionActor(RetentionContext context, RetentionRoot root, string catalogName, RetentionExecutor executor, RootRetentionStats stats)
    {
        _context = context;
        _root = root;
        _catalogName = catalogName;
        _executor = executor;
        _stats = stats;
    }

    public interface IMessage;

    /// <summary>Ask: finish interrupted deletions, then start the schedule. Replies true.</summary>
    public sealed record Start : IMessage;

    /// <summary>Tell: run a pass (timer, request, low-water).</summary>
    public sealed record RunPass : IMessage;

    /// <summary>Ask: run a pass now; replies <see cref="RetentionPassResult"/>.</summary>
    public sealed record RunPassNow : IMessage;

    /// <summary>Tell: a pass soon (coalesced with any pending one).</summary>
    public sealed record RequestPass : IMessage;

    /// <summary>Tell (periodic): probe free space.</summary>
    public sealed record CheckSpace : IMessage;

    /// <summary>Ask: replies <see cref="RootReport"/>.</summary>
    public sealed record GetReport : IMessage;

    /// <summary>The report of one root and of the cameras with recordings in it.</summary>
    public sealed record RootReport(RootRetentionReport Root, IReadOnlyList<CameraRetentionReport> Cameras);

    protected override async ValueTask ReceiveAsync(IMessage message)
    {
        switch (message)
        {
            case Start:
                await ReplyAsync(async ct =>
                {
                    await _executor.FinishInterruptedAsync(ct);
                    Context.Timers.StartSingleTimer(PassTimer, new RunPass(), _context.Options.PassInterval);
                    Context.Timers.StartPeriodicTimer(SpaceTimer, new CheckSpace(), _context.Options.FreeSpaceCheckInterval);
                    return true;
                });
                break;
            case RunPass:
                try
                {
                    await PassAsync(Context.Aborted);
                }
                catch (Exception error) when (error is not OperationCanceledException || !Context.Aborted.IsCancellationRequested)
                {
                    LogPassFailed(Context.Log, _root.Name, error);
                    Schedule(_context.Options.PassInterval);
                }

                break;
            case RunPassNow:
                await ReplyAsync(PassAsync);
                break;
            case RequestPass:
                Schedule(TimeSpan.Zero);
                break;
            case CheckSpace:
                ProbeLowWater();
                break;
            case GetReport:
                await ReplyAsync(ReportAsync);
                break;
        }
    }

    /// <summary>Starting the same timer key again replaces a pending tick, which is what coalesces requests.</summary>
    private void Schedule(TimeSpan delay) => Context.Timers.StartSingleTimer(PassTimer, new RunPass(), delay);

    private void ProbeLowWater()
    {
        StorageSpace space;
        try
        {
            space = _context.Space.Probe(_root.Path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            LogProbeFailed(Context.Log, _root.Name, error);
            return;
        }

        // Level-triggered: every check below the mark asks for a pass (coalesced with a pending one), because a pass
        // run at the crossing may find nothing to do yet while a busy camera fills the rest within seconds.
        var low = space.FreeBytes < LowWaterMark;
        if (low)
        {
            if (_wasLow != true)
            {
                LogLowWater(Context.Log, _root.Name, space.FreeBytes, LowWaterMark);
            }

            Schedule(TimeSpan.Zero);
        }

        _wasLow = low;
    }

    private long LowWaterMark => _context.Options.MinFreeBytes > long.MaxValue / 2 ? long.MaxValue : _context.Options.MinFreeBytes * 2;

    /// <summary>Answers an ask with the outcome of <paramref name="work"/>, keeping the actor alive when it fails.</summary>
    private async Task ReplyAsync<T>(Func<CancellationToken, Task<T>> work)
    {
        var reply = Context.DeferReply();
        try
        {
            reply.Respond(await work(Context.Aborted));
        }
        catch (Exception error)
        {
            reply.Fail(error);
        }
    }
}
