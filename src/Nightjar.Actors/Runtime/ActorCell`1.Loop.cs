namespace Nightjar.Actors.Runtime;

/// <summary>The single reader loop: system lane first, then one user message at a time.</summary>
internal sealed partial class ActorCell<TMessage>
{
    private CellStatus _status = CellStatus.Starting;

    public bool CanSpawnChildren => _status < CellStatus.Terminating;

    private async Task RunAsync()
    {
        try
        {
            await StartInstanceAsync(restartReason: null);
            await ProcessAsync();
        }
        catch (Exception error)
        {
            // Only a runtime defect lands here; still terminate so asks, watchers and parents are not left hanging.
            LogRuntimeFault(_logger, Path, error);
            try
            {
                await TerminateAsync(error, drainChildren: false);
            }
            catch (Exception terminationError)
            {
                LogRuntimeFault(_logger, Path, terminationError);
            }
            finally
            {
                ForceTerminated(error);
            }
        }
    }

    private async Task ProcessAsync()
    {
        while (true)
        {
            if (HasSystemMessages)
            {
                await DrainSystemLaneAsync();
            }

            if (_status == CellStatus.Terminated)
            {
                return;
            }

            if (_status == CellStatus.Suspended || _actor is null)
            {
                if (TryParkOnSignal() is { } signal)
                {
                    await signal;
                    Unpark();
                }

                continue;
            }

            // The hot path: plain tells, one after another, for as long as nothing arrives on the system lane.
            // Anything else (an ask, a timer tick, a failure) goes back through the top of the loop.
            var actor = _actor;
            bool idle = false;
            while (!HasSystemMessages)
            {
                if (!_mailbox.TryRead(out var envelope))
                {
                    idle = true;
                    break;
                }

                if (envelope.Token is not null)
                {
                    await InvokeSpecialAsync(envelope);
                    break;
                }

                _processed++;
                try
                {
                    await actor.InvokeReceiveAsync(envelope.Message);
                }
                catch (Exception error)
                {
                    await HandleFailureAsync(error, escalatedFrom: null, duringStart: false);
                    break;
                }

                if (actor.Poison is { } poison)
                {
                    // A persistence failure the handler swallowed still fails the actor: its state can no longer be trusted.
                    await HandleFailureAsync(poison, escalatedFrom: null, duringStart: false);
                    break;
                }
            }

            if (!idle)
            {
                continue;
            }

            if (_status == CellStatus.Stopping && _mailbox.IsDrained)
            {
                await TerminateAsync(failure: null, drainChildren: true);
                return;
            }

            if (TryParkOnMailbox())
            {
                await _mailbox.WaitToReadAsync();
                Unpark();
            }
        }
    }

    private ValueTask InvokeSpecialAsync(Envelope<TMessage> envelope) => envelope.Token switch
    {
        IReplySink sink => InvokeAsync(envelope.Message, sink),
        TimerEntry<TMessage> timer when Timers.AcceptTick(timer) => InvokeAsync(envelope.Message, sink: null),
        _ => ValueTask.CompletedTask,
    };

    private async ValueTask InvokeAsync(TMessage message, IReplySink? sink)
    {
        var actor = _actor!;
        _processed++;
        _currentReply = sink;
        _replyClaimed = false;
        try
        {
            await actor.InvokeReceiveAsync(message);
        }
        catch (Exception error)
        {
            sink?.TryFail(error);
            _currentReply = null;
            await HandleFailureAsync(error, escalatedFrom: null, duringStart: false);
            return;
        }

        _currentReply = null;
        if (actor.Poison is { } poison)
        {
            sink?.TryFail(poison);
            await HandleFailureAsync(poison, escalatedFrom: null, duringStart: false);
            return;
        }

        if (sink is not null && !_replyClaimed)
        {
            sink.TryFail(new NoReplyException(Path, message?.GetType() ?? typeof(TMessage)));
        }
    }

    private async ValueTask DrainSystemLaneAsync()
    {
        BeginSystemDrain();
        while (_status != CellStatus.Terminated && TryTakeSystemMessage(out var message))
        {
            switch (message)
            {
                case SystemMessage.Stop stop:
                    await OnStopRequestedAsync(stop.Drain);
                    break;
                case SystemMessage.BackoffElapsed backoff:
                    await OnBackoffElapsedAsync(backoff.Generation);
                    break;
                case SystemMessage.ChildFailed failed:
                    await OnChildFailedAsync(failed.Child, failed.Error);
                    break;
                case SystemMessage.Resume:
                    OnResume();
                    break;
                case SystemMessage.Watch watch:
                    StartWatching(watch.Target);
                    break;
                case SystemMessage.WatchedTerminated terminated:
                    await OnWatchedTerminatedAsync(terminated);
                    break;
            }
        }
    }

    private async ValueTask OnStopRequestedAsync(bool drain)
    {
        if (_status >= CellStatus.Terminating)
        {
            return;
        }

        // A suspended actor has no healthy instance to drain its queue with.
        if (!drain || _status == CellStatus.Suspended || _actor is null)
        {
            await TerminateAsync(failure: null, drainChildren: drain);
            return;
        }

        _status = CellStatus.Stopping;
    }

    private async ValueTask OnWatchedTerminatedAsync(SystemMessage.WatchedTerminated notification)
    {
        if (_status == CellStatus.Suspended && _suspendedForEscalation)
        {
            (_stashedWhileSuspended ??= []).Add(notification);
            return;
        }

        if (_status is not (CellStatus.Running or CellStatus.Stopping) || _actor is null || !AcceptTerminated(notification.Target))
        {
            return;
        }

        try
        {
            await _actor.InvokeOnTerminatedAsync(notification.Terminated);
        }
        catch (Exception error)
        {
            await HandleFailureAsync(error, escalatedFrom: null, duringStart: false);
        }
    }
}
