using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Nightjar.Actors;

public sealed record ActorSystemOptions
{
    /// <summary>The only clock of the runtime: timers, backoff and ask timeouts.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Null means no logging.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Used for the <c>Nightjar.Actors</c> meter when set (a host's factory); otherwise the system owns its meter.</summary>
    public IMeterFactory? MeterFactory { get; init; }

    public TimeSpan DefaultAskTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public MailboxOptions DefaultMailbox { get; init; } = MailboxOptions.Unbounded;

    /// <summary>
    /// Supervision of actors whose spawner chose none: top-level actors without <see cref="SpawnOptions.Supervision"/>
    /// and children of actors that do not override <see cref="Actor{TMessage}.SupervisorStrategy"/>.
    /// </summary>
    public SupervisorStrategy DefaultSupervisorStrategy { get; init; } = SupervisorStrategy.Default;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentNullException.ThrowIfNull(DefaultMailbox);
        ArgumentNullException.ThrowIfNull(DefaultSupervisorStrategy);
        if (DefaultAskTimeout <= TimeSpan.Zero && DefaultAskTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultAskTimeout), DefaultAskTimeout, "The ask timeout must be positive.");
        }

        DefaultMailbox.Validate();
        DefaultSupervisorStrategy.Validate();
    }
}
