namespace Nightjar.Actors.Runtime;

internal sealed partial class ActorCell<TMessage>
{
    /// <summary>
    /// Children first, then the actor's own <c>StoppedAsync</c>, then what is left in the mailbox becomes dead letters
    /// (asks fail), then the parent and watchers learn of it. Idempotent.
    /// </summary>
    private async ValueTask TerminateAsync(Exception? failure, bool drainChildren)
    {
        if (_status >= CellStatus.Terminating)
        {
            return;
        }

        _status = CellStatus.Terminating;
        _backoffTimer?.Dispose();
        _backoffTimer = null;
        Timers.CancelAll();
        _mailbox.Close();
        await StopChildrenAsync(drainChildren);

        var actor = _actor;
        _actor = null;
        if (actor is not null)
        {
            await RunHookAsync(actor, static (actor, _) => actor.InvokeStoppedAsync(), null, nameof(Actor<TMessage>.InvokeStoppedAsync));
        }

        // Cancelled only now on a graceful stop, so StoppedAsync may still do I/O under the token.
        CancelAbort();
        DrainToDeadLetters();
        FailDeferredReplies(new ActorStoppedException(Path, stoppedBeforeReply: true));
        UnwatchAll();
        if (Parent is { } parent)
        {
            parent.RemoveChild(this);
        }
        else
        {
            System.RemoveTopLevel(this);
        }

        System.Metrics.Unregister(this);
        _status = CellStatus.Terminated;
        if (failure is null)
        {
            LogStopped(_logger, Path);
        }
        else
        {
            LogStoppedAfterFailure(_logger, Path, failure.GetType().Name);
        }

        PublishTermination(new Terminated(_self, failure));
    }

    private void DrainToDeadLetters()
    {
        while (_mailbox.TryRead(out var envelope))
        {
            switch (envelope.Token)
            {
                case WakeToken or TimerEntry<TMessage>:
                    continue;
                case IReplySink sink:
                    sink.TryFail(new ActorStoppedException(Path, stoppedBeforeReply: true));
                    break;
            }

            System.PublishDeadLetter(Path, envelope.Message, DeadLetterReason.RecipientStopped);
        }
    }

    /// <summary>Last resort after a runtime fault during termination: whatever happened, nobody waits forever.</summary>
    private void ForceTerminated(Exception failure)
    {
        if (WhenTerminated.IsCompleted)
        {
            return;
        }

        _status = CellStatus.Terminated;
        _mailbox.Close();
        CancelAbort();
        if (Parent is { } parent)
        {
            parent.RemoveChild(this);
        }
        else
        {
            System.RemoveTopLevel(this);
        }

        System.Metrics.Unregister(this);
        PublishTermination(new Terminated(_self, failure));
    }
}
