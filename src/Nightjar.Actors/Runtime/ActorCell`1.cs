using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;

namespace Nightjar.Actors.Runtime;

/// <summary>
/// One actor: its mailbox, its current instance and the single loop that processes one message at a time. This part
/// holds construction and the entry points other threads use (tell, ask, stop, kill).
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The abort source has no timer or link, so Dispose frees nothing; threads calling Kill may still hold it after the actor stopped.")]
internal sealed partial class ActorCell<TMessage> : ActorCell
{
    private readonly Func<Actor<TMessage>> _factory;
    private readonly Mailbox<TMessage> _mailbox;
    private readonly ActorRef<TMessage> _self;
    private readonly SupervisorStrategy _strategy;
    private readonly RestartStatistics _restartStatistics;
    private readonly ILogger _logger;
    private Actor<TMessage>? _actor;
    private CancellationTokenSource _abort = new();

    public ActorCell(ActorSystem system, ActorCell? parent, string name, Func<Actor<TMessage>> factory, MailboxOptions mailbox, SupervisorStrategy strategy)
        : base(system, parent, name)
    {
        _factory = factory;
        _strategy = strategy;
        _restartStatistics = new RestartStatistics(system.TimeProvider);
        _logger = system.RuntimeLogger;
        _mailbox = new Mailbox<TMessage>(mailbox, OnDropped);
        _self = new ActorRef<TMessage>(this);
        Context = new ActorContext<TMessage>(this);
        Timers = new TimerScheduler<TMessage>(this);
        UserLogger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    }

    public override IActorRef Ref => _self;

    public IActorRef<TMessage> Self => _self;

    public ActorContext<TMessage> Context { get; }

    public TimerScheduler<TMessage> Timers { get; }

    /// <summary>The logger handed to the actor's own code, named after its class.</summary>
    public ILogger UserLogger { get; private set; }

    public CancellationToken AbortToken => Volatile.Read(ref _abort).Token;

    public override long MailboxDepth => _mailbox.Count;

    /// <summary>Creates the first instance on the spawner's thread, so a throwing constructor fails the spawn itself.</summary>
    public void CreateFirstInstance()
    {
        _actor = CreateInstance();
        var type = _actor.GetType();
        TypeName = ActorTypeNames.Of(type);
        UserLogger = System.LoggerFactory.CreateLogger(type.FullName ?? type.Name);
    }

    /// <summary>Schedules the loop; it starts the instance, then processes messages until the actor terminates.</summary>
    public void Start() => ThreadPool.UnsafeQueueUserWorkItem(static cell => _ = cell.RunAsync(), this, preferLocal: false);

    /// <summary>Ends a cell whose first instance could not be created, so nothing ever waits on it.</summary>
    public void AbandonBeforeStart(Exception error)
    {
        _mailbox.Close();

        // A constructor may have spawned children before it threw; they must not outlive the parent that never was.
        _ = StopChildrenAsync(drain: false);
        PublishTermination(new Terminated(_self, error));
    }

    public void Tell(TMessage message)
    {
        if (!_mailbox.TryWrite(new Envelope<TMessage>(message, null)))
        {
            RejectTell(message);
        }
    }

    public ValueTask TellAsync(TMessage message, CancellationToken cancellationToken)
    {
        if (_mailbox.TryWrite(new Envelope<TMessage>(message, null)))
        {
            return ValueTask.CompletedTask;
        }

        if (_mailbox.IsClosed || _mailbox.FullMode != MailboxFullMode.Wait)
        {
            RejectTell(message);
            return ValueTask.CompletedTask;
        }

        return WaitAndTellAsync(message, cancellationToken);
    }

    public Task<TReply> AskAsync<TReply>(TMessage message, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The ask timeout must be positive.");
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<TReply>(cancellationToken);
        }

        var sink = new AskSink<TReply>(Path);
        sink.Arm(System.TimeProvider, timeout, cancellationToken);
        if (!_mailbox.TryWrite(new Envelope<TMessage>(message, sink)))
        {
            if (_mailbox.IsClosed)
            {
                sink.TryFail(new ActorStoppedException(Path, stoppedBeforeReply: false));
                System.PublishDeadLetter(Path, message, DeadLetterReason.RecipientStopped);
            }
            else if (_mailbox.FullMode == MailboxFullMode.Wait)
            {
                _ = WaitAndAskAsync(message, sink, cancellationToken);
            }
            else
            {
                sink.TryFail(FullException());
                System.PublishDeadLetter(Path, message, DeadLetterReason.MailboxFull);
            }
        }

        return sink.Task;
    }

    public override void RequestStop()
    {
        // The stop goes first so the loop never sees a closed mailbox without knowing why.
        PostSystem(new SystemMessage.Stop(Drain: true));
        _mailbox.Close();
    }

    public override void RequestKill()
    {
        try
        {
            _ = Volatile.Read(ref _abort).CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            // Already terminated.
        }

        PostSystem(new SystemMessage.Stop(Drain: false));
        _mailbox.Close();
    }

    /// <summary>A timer tick; false when it could not be queued (stopped or full).</summary>
    public bool PostTimerTick(TimerEntry<TMessage> entry)
    {
        if (_mailbox.TryWrite(new Envelope<TMessage>(entry.Message, entry)))
        {
            return true;
        }

        if (!_mailbox.IsClosed)
        {
            System.PublishDeadLetter(Path, entry.Message, DeadLetterReason.MailboxFull);
        }

        return false;
    }

    /// <summary>A message the runtime sends on the actor's behalf (piped results): never throws, never waits.</summary>
    public void PostFromRuntime(TMessage message)
    {
        if (!_mailbox.TryWrite(new Envelope<TMessage>(message, null)))
        {
            System.PublishDeadLetter(Path, message, _mailbox.IsClosed ? DeadLetterReason.RecipientStopped : DeadLetterReason.MailboxFull);
        }
    }

    private protected override void WakeMailbox() => _mailbox.Wake();

    private void RejectTell(TMessage message)
    {
        if (_mailbox.IsClosed)
        {
            System.PublishDeadLetter(Path, message, DeadLetterReason.RecipientStopped);
            return;
        }

        System.PublishDeadLetter(Path, message, DeadLetterReason.MailboxFull);
        throw FullException();
    }

    private async ValueTask WaitAndTellAsync(TMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await _mailbox.WriteAsync(new Envelope<TMessage>(message, null), cancellationToken);
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
            System.PublishDeadLetter(Path, message, DeadLetterReason.RecipientStopped);
        }
    }

    private async Task WaitAndAskAsync<TReply>(TMessage message, AskSink<TReply> sink, CancellationToken cancellationToken)
    {
        try
        {
            await _mailbox.WriteAsync(new Envelope<TMessage>(message, sink), cancellationToken);
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
            sink.TryFail(new ActorStoppedException(Path, stoppedBeforeReply: false));
            System.PublishDeadLetter(Path, message, DeadLetterReason.RecipientStopped);
        }
        catch (OperationCanceledException)
        {
            // The sink observed the same token and is already cancelled.
        }
    }

    private void OnDropped(Envelope<TMessage> envelope)
    {
        switch (envelope.Token)
        {
            case IReplySink sink:
                sink.TryFail(FullException());
                break;
            case TimerEntry<TMessage> timer:
                timer.TryAcceptTick();
                break;
            case WakeToken:
                return;
        }

        System.PublishDeadLetter(Path, envelope.Message, DeadLetterReason.MailboxFull);
    }

    private MailboxFullException FullException() =>
        new(Path, _mailbox.Capacity ?? 0, _mailbox.FullMode);

    private Actor<TMessage> CreateInstance()
    {
        Actor<TMessage> actor;
        Actor<TMessage>.BeginConstruction(Context);
        try
        {
            actor = _factory() ?? throw new InvalidOperationException($"The factory of actor '{Path}' returned null.");
        }
        finally
        {
            Actor<TMessage>.EndConstruction();
        }

        if (!actor.ClaimFor(Context))
        {
            throw new InvalidOperationException(
                $"The factory of actor '{Path}' must construct a new {actor.GetType().Name} on every call, inside the factory.");
        }

        return actor;
    }
}
