namespace Nightjar.Actors;

/// <summary>
/// How a parent handles a failed child: a decider picks a <see cref="SupervisorDirective"/>; restarts wait an exponential
/// backoff with jitter (Akka's formula, <c>min(MaxBackoff, MinBackoff * 2^n) * (1 + random * RandomFactor)</c>, where
/// n counts the earlier restarts still inside <see cref="Window"/>), and more than <see cref="MaxRestarts"/> restarts
/// inside <see cref="Window"/> stop the child instead.
/// </summary>
public sealed record SupervisorStrategy
{
    private readonly TimeSpan _minBackoff = TimeSpan.FromMilliseconds(200);
    private readonly TimeSpan _maxBackoff = TimeSpan.FromSeconds(30);
    private readonly double _randomFactor = 0.2;
    private readonly int _maxRestarts = 10;
    private readonly TimeSpan _window = TimeSpan.FromMinutes(1);

    /// <summary>Restart on any exception, backoff 200 ms to 30 s with 20 % jitter, at most 10 restarts a minute.</summary>
    public static SupervisorStrategy Default { get; } = new();

    /// <summary>Stop on any exception.</summary>
    public static SupervisorStrategy StopOnFailure { get; } = new() { Decider = static _ => SupervisorDirective.Stop };

    /// <summary>Escalate every exception to the parent.</summary>
    public static SupervisorStrategy EscalateAll { get; } = new() { Decider = static _ => SupervisorDirective.Escalate };

    /// <summary>Maps an exception to a directive. Runs on the failed actor's thread; keep it pure and fast.</summary>
    public Func<Exception, SupervisorDirective> Decider { get; init; } = static _ => SupervisorDirective.Restart;

    public TimeSpan MinBackoff
    {
        get => _minBackoff;
        init => _minBackoff = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(MinBackoff), value, "Backoff cannot be negative.");
    }

    public TimeSpan MaxBackoff
    {
        get => _maxBackoff;
        init => _maxBackoff = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(MaxBackoff), value, "Backoff cannot be negative.");
    }

    /// <summary>0 for no jitter; 0.2 adds up to 20 % to each delay.</summary>
    public double RandomFactor
    {
        get => _randomFactor;
        init => _randomFactor = value is >= 0 and <= 10 ? value : throw new ArgumentOutOfRangeException(nameof(RandomFactor), value, "Random factor must be between 0 and 10.");
    }

    /// <summary>Restarts allowed inside <see cref="Window"/> before the actor is stopped; -1 for no limit.</summary>
    public int MaxRestarts
    {
        get => _maxRestarts;
        init => _maxRestarts = value >= -1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxRestarts), value, "Use -1 for unlimited restarts.");
    }

    public TimeSpan Window
    {
        get => _window;
        init => _window = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(Window), value, "The restart window must be positive.");
    }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Decider);
        if (MaxBackoff < MinBackoff)
        {
            throw new ArgumentException($"MaxBackoff ({MaxBackoff}) is shorter than MinBackoff ({MinBackoff}).", nameof(MaxBackoff));
        }
    }
}
