using System.Threading.Channels;
using Nightjar.Actors.Runtime;

namespace Nightjar.Actors.Testing;

/// <summary>
/// A real actor that records what it receives, so tests can pass <see cref="Ref"/> where an actor expects a
/// collaborator and then assert on the traffic. Waits use real time (never the system's fake clock) with a deadline.
/// </summary>
public sealed class TestProbe<T> : IAsyncDisposable
{
    private readonly Channel<ProbeItem<T>> _received = Channel.CreateUnbounded<ProbeItem<T>>(new UnboundedChannelOptions { SingleWriter = true });
    private ReplyHandle _lastReply = ReplyHandle.None;

    public TestProbe(ActorSystem system, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        Ref = system.Spawn(name, () => new ProbeActor<T>(_received.Writer), new SpawnOptions { Supervision = SupervisorStrategy.StopOnFailure });
    }

    /// <summary>Three seconds: generous for a loaded CI machine, short enough to fail fast.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long <see cref="ExpectNoMessageAsync"/> listens by default.</summary>
    public TimeSpan DefaultSilence { get; init; } = TimeSpan.FromMilliseconds(50);

    public IActorRef<T> Ref { get; }

    /// <summary>Makes the probe receive <see cref="Terminated"/> when <paramref name="target"/> stops.</summary>
    public void Watch(IActorRef target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var targetCell = target is ICellRef cellRef ? cellRef.Cell : throw new ArgumentException($"'{target.Path}' is not an actor of this runtime.", nameof(target));
        ((ICellRef)Ref).Cell.PostSystem(new SystemMessage.Watch(targetCell));
    }

    /// <summary>The next message, whatever it is.</summary>
    public async Task<T> ExpectMessageAsync(TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var item = await ReceiveOrThrowAsync(limit, "a message");
        return Accept(item, "a message");
    }

    /// <summary>The next message, which must be a <typeparamref name="TExpected"/>.</summary>
    public async Task<TExpected> ExpectMessageAsync<TExpected>(TimeSpan? timeout = null)
        where TExpected : T
    {
        string what = "a " + typeof(TExpected).Name;
        var message = Accept(await ReceiveOrThrowAsync(timeout ?? DefaultTimeout, what), what);
        return message is TExpected expected
            ? expected
            : throw new ProbeAssertionException($"{Ref.Path}: expected {what} but got {Describe(message)}.");
    }

    /// <summary>The next message, which must satisfy <paramref name="predicate"/>.</summary>
    public async Task<T> ExpectMessageAsync(Func<T, bool> predicate, TimeSpan? timeout = null, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        string what = description ?? "a message matching the predicate";
        var message = Accept(await ReceiveOrThrowAsync(timeout ?? DefaultTimeout, what), what);
        return predicate(message)
            ? message
            : throw new ProbeAssertionException($"{Ref.Path}: expected {what} but got {Describe(message)}.");
    }

    /// <summary>The next <paramref name="count"/> messages, in arrival order, all within one deadline.</summary>
    public async Task<IReadOnlyList<T>> ReceiveMessagesAsync(int count, TimeSpan? timeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var deadline = Deadline.After(timeout ?? DefaultTimeout);
        var messages = new List<T>(count);
        while (messages.Count < count)
        {
            string what = $"message {messages.Count + 1} of {count}";
            messages.Add(Accept(await ReceiveOrThrowAsync(deadline.Remaining, what), what));
        }

        return messages;
    }

    /// <summary>Passes when nothing arrives for <paramref name="duration"/>.</summary>
    public async Task ExpectNoMessageAsync(TimeSpan? duration = null)
    {
        if (await TryReceiveAsync(duration ?? DefaultSilence) is { } item)
        {
            throw new ProbeAssertionException($"{Ref.Path}: expected no message but got {item}.");
        }
    }

    /// <summary>Skips messages until one satisfies <paramref name="isTarget"/>; fails at the deadline.</summary>
    public async Task<T> FishForMessageAsync(Func<T, bool> isTarget, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(isTarget);
        var limit = timeout ?? DefaultTimeout;
        var deadline = Deadline.After(limit);
        while (true)
        {
            var item = await TryReceiveAsync(deadline.Remaining)
                ?? throw new TimeoutException($"{Ref.Path}: no matching message within {limit}.");
            if (item.Terminated is null && isTarget(item.Message))
            {
                _lastReply = item.Reply;
                return item.Message;
            }
        }
    }

    /// <summary>The next item must be the <see cref="Terminated"/> of <paramref name="target"/> (after <see cref="Watch"/>).</summary>
    public async Task<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        string what = $"Terminated({target.Path})";
        var item = await ReceiveOrThrowAsync(timeout ?? DefaultTimeout, what);
        return item.Terminated is { } terminated && ReferenceEquals(terminated.Actor, target)
            ? terminated
            : throw new ProbeAssertionException($"{Ref.Path}: expected {what} but got {item}.");
    }

    /// <summary>Skips messages until the <see cref="Terminated"/> of <paramref name="target"/> arrives.</summary>
    public async Task<Terminated> FishForTerminatedAsync(IActorRef target, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var limit = timeout ?? DefaultTimeout;
        var deadline = Deadline.After(limit);
        while (true)
        {
            var item = await TryReceiveAsync(deadline.Remaining)
                ?? throw new TimeoutException($"{Ref.Path}: no Terminated({target.Path}) within {limit}.");
            if (item.Terminated is { } terminated && ReferenceEquals(terminated.Actor, target))
            {
                return terminated;
            }
        }
    }

    /// <summary>Removes and returns the messages already received, without waiting (death-watch notifications are dropped).</summary>
    public IReadOnlyList<T> TakeAll()
    {
        var messages = new List<T>();
        while (_received.Reader.TryRead(out var item))
        {
            if (item.Terminated is null)
            {
                messages.Add(item.Message);
            }
        }

        return messages;
    }

    /// <summary>Answers the ask that carried the last message returned by an Expect or Fish method.</summary>
    public bool Reply<TReply>(TReply reply) =>
        _lastReply.IsAsk ? _lastReply.Respond(reply) : throw new InvalidOperationException($"{Ref.Path}: the last message was not asked.");

    public async ValueTask DisposeAsync()
    {
        Ref.Kill();
        await Ref.WhenTerminated;
    }

    private static string Describe(T message) => $"{message?.GetType().Name ?? "null"} {message}";

    private T Accept(ProbeItem<T> item, string what)
    {
        if (item.Terminated is not null)
        {
            throw new ProbeAssertionException($"{Ref.Path}: expected {what} but got {item}.");
        }

        _lastReply = item.Reply;
        return item.Message;
    }

    private async Task<ProbeItem<T>> ReceiveOrThrowAsync(TimeSpan timeout, string what) =>
        await TryReceiveAsync(timeout) ?? throw new TimeoutException($"{Ref.Path}: expected {what} within {timeout} but got nothing.");

    private async Task<ProbeItem<T>?> TryReceiveAsync(TimeSpan timeout)
    {
        if (_received.Reader.TryRead(out var ready))
        {
            return ready;
        }

        if (timeout <= TimeSpan.Zero)
        {
            return null;
        }

        using var cts = new CancellationTokenSource(timeout, TimeProvider.System);
        try
        {
            return await _received.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            return null;
        }
    }

    private readonly record struct Deadline(long StartedAt, TimeSpan Limit)
    {
        public TimeSpan Remaining => Limit - TimeProvider.System.GetElapsedTime(StartedAt);

        public static Deadline After(TimeSpan limit) => new(TimeProvider.System.GetTimestamp(), limit);
    }
}
