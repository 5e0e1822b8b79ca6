namespace Nightjar.Actors.Runtime;

/// <summary>Creates <see cref="TimeProvider"/> timers without capturing the caller's execution context.</summary>
internal static class RuntimeTimers
{
    // Timer callbacks must not carry the AsyncLocals (activities, log scopes) of whoever happened to arm them.
    public static ITimer Create(TimeProvider timeProvider, TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (ExecutionContext.IsFlowSuppressed())
        {
            return timeProvider.CreateTimer(callback, state, dueTime, period);
        }

        using (ExecutionContext.SuppressFlow())
        {
            return timeProvider.CreateTimer(callback, state, dueTime, period);
        }
    }
}
