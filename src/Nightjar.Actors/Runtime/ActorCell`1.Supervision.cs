namespace Nightjar.Actors.Runtime;

/// <summary>Failure handling: the supervisor's decider, restart with backoff, give-up, escalation.</summary>
internal sealed partial class ActorCell<TMessage>
{
    private int _backoffGeneration;
    private ITimer? _backoffTimer;
    private Exception? _lastFailure;
    private bool _suspendedForEscalation;
    private ActorCell? _escalatedChild;
    private List<SystemMessage>? _stashedWhileSuspended;

    public override SupervisorStrategy? ChildStrategy => _actor?.SupervisorStrategyForChildren;

    private async ValueTask StartInstanceAsync(Exception? restartReason)
    {
        try
        {
            _actor ??= CreateInstance();
            await _actor.InitializeAsync(AbortToken);
            if (restartReason is null)
            {
                await _actor.InvokeStartedAsync();
            }
            else
            {
                await _actor.InvokePostRestartAsync(restartReason);
                LogRestarted(_logger, Path);
            }

            _status = CellStatus.Running;
        }
        catch (Exception error)
        {
            await HandleFailureAsync(error, escalatedFrom: null, duringStart: true);
        }
    }

    private async ValueTask HandleFailureAsync(Exception error, ActorCell? escalatedFrom, bool duringStart)
    {
        if (_status >= CellStatus.Terminating)
        {
            return;
        }

        if (error is OperationCanceledException && AbortToken.IsCancellationRequested)
        {
            // The actor is being killed and its work was aborted on purpose; the queued stop finishes the job.
            _status = duringStart ? CellStatus.Suspended : _status;
            return;
        }

        if (_status == CellStatus.Stopping)
        {
            LogFailed(_logger, Path, SupervisorDirective.Stop, error);
            await TerminateAsync(error, drainChildren: false);
            return;
        }

        var directive = Decide(error);
        LogFailed(_logger, Path, directive, error);
        if (escalatedFrom is not null)
        {
            _escalatedChild = escalatedFrom;
        }

        switch (directive)
        {
            case SupervisorDirective.Resume when !duringStart:
                _status = CellStatus.Running;
                ResumeEscalatedChild();
                break;
            case SupervisorDirective.Stop:
                await TerminateAsync(error, drainChildren: false);
                break;
            case SupervisorDirective.Escalate when Parent is not null:
                _status = CellStatus.Suspended;
                _suspendedForEscalation = true;
                Parent.PostSystem(new SystemMessage.ChildFailed(this, error));
                break;
            case SupervisorDirective.Escalate:
                LogEscalatedToGuardian(_logger, Path);
                await TerminateAsync(error, drainChildren: false);
                break;
            default:
                // Restart, and Resume of an instance that never started: there is nothing healthy to resume.
                await RestartOrGiveUpAsync(error);
                break;
        }
    }

    private SupervisorDirective Decide(Exception error)
    {
        try
        {
            return _strategy.Decider(error);
        }
        catch (Exception deciderError)
        {
            LogDeciderFailed(_logger, Path, deciderError);
            return SupervisorDirective.Stop;
        }
    }

    private async ValueTask RestartOrGiveUpAsync(Exception error)
    {
        int restarts = _restartStatistics.Record(_strategy.Window);
        if (_strategy.MaxRestarts >= 0 && restarts > _strategy.MaxRestarts)
        {
            LogGaveUp(_logger, Path, _strategy.MaxRestarts, _strategy.Window, error);
            await TerminateAsync(error, drainChildren: false);
            return;
        }

        var delay = Backoff.Compute(_strategy, restarts - 1, Random.Shared.NextDouble());
        _status = CellStatus.Suspended;
        _suspendedForEscalation = false;
        _lastFailure = error;
        int generation = ++_backoffGeneration;

        // Armed before the old instance is torn down: the backoff counts from the failure, and a test that sees the
        // PreRestart hook run knows the timer exists.
        if (delay <= TimeSpan.Zero)
        {
            PostSystem(new SystemMessage.BackoffElapsed(generation));
        }
        else
        {
            _backoffTimer = RuntimeTimers.Create(
                System.TimeProvider,
                static state =>
                {
                    var (cell, elapsed) = ((ActorCell<TMessage>, SystemMessage))state!;
                    cell.PostSystem(elapsed);
                },
                (this, (SystemMessage)new SystemMessage.BackoffElapsed(generation)),
                delay,
                Timeout.InfiniteTimeSpan);
        }

        LogRestartScheduled(_logger, Path, delay, restarts);
        await TearDownInstanceAsync(error);
    }

    private async ValueTask TearDownInstanceAsync(Exception reason)
    {
        Timers.CancelAll();
        var old = _actor;
        _actor = null;
        CancelAbort();
        if (old is not null)
        {
            await RunHookAsync(old, static (actor, reason) => actor.InvokePreRestartAsync(reason!), reason, nameof(Actor<TMessage>.InvokePreRestartAsync));
        }

        await StopChildrenAsync(drain: false);
        UnwatchAll();
        FailDeferredReplies(reason);
    }

    private async ValueTask OnBackoffElapsedAsync(int generation)
    {
        if (_status != CellStatus.Suspended || _suspendedForEscalation || generation != _backoffGeneration)
        {
            return;
        }

        _backoffTimer?.Dispose();
        _backoffTimer = null;
        Volatile.Write(ref _abort, new CancellationTokenSource());
        System.Metrics.RecordRestart(TypeName);
        _status = CellStatus.Starting;
        await StartInstanceAsync(_lastFailure);
    }

    private async ValueTask OnChildFailedAsync(ActorCell child, Exception error)
    {
        // Ignore escalations from children already replaced or stopped, and while this actor cannot act on them.
        if (!ReferenceEquals(GetChild(child.Name), child) || _status is not (CellStatus.Running or CellStatus.Stopping) || _actor is null)
        {
            return;
        }

        await HandleFailureAsync(error, escalatedFrom: child, duringStart: false);
    }

    private void OnResume()
    {
        if (_status != CellStatus.Suspended || !_suspendedForEscalation)
        {
            return;
        }

        _suspendedForEscalation = false;
        _status = CellStatus.Running;
        ResumeEscalatedChild();
        if (_stashedWhileSuspended is { } stashed)
        {
            _stashedWhileSuspended = null;
            foreach (var message in stashed)
            {
                PostSystem(message);
            }
        }
    }

    private void ResumeEscalatedChild()
    {
        _escalatedChild?.PostSystem(new SystemMessage.Resume());
        _escalatedChild = null;
    }

    private void CancelAbort()
    {
        try
        {
            Volatile.Read(ref _abort).Cancel();
        }
        catch (AggregateException error)
        {
            LogHookFailed(_logger, Path, "Aborted callback", error);
        }
    }

    private async ValueTask RunHookAsync(Actor<TMessage> actor, Func<Actor<TMessage>, Exception?, ValueTask> hook, Exception? reason, string hookName)
    {
        try
        {
            await hook(actor, reason);
        }
        catch (Exception error)
        {
            LogHookFailed(_logger, Path, hookName, error);
        }
    }
}
