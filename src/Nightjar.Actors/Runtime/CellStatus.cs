namespace Nightjar.Actors.Runtime;

internal enum CellStatus
{
    /// <summary>Creating the instance, recovering, running its start hook.</summary>
    Starting,

    Running,

    /// <summary>Graceful stop: the mailbox is closed and the loop works through what is left.</summary>
    Stopping,

    /// <summary>Backing off before a restart, or waiting for the parent's decision on an escalation: the mailbox is not read.</summary>
    Suspended,

    Terminating,

    Terminated,
}
