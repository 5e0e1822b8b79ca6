namespace Nightjar.Actors;

/// <summary>What a supervisor does with a failed actor.</summary>
public enum SupervisorDirective
{
    /// <summary>Keep the instance and its state, drop the failing message, carry on.</summary>
    Resume,

    /// <summary>Suspend, wait the backoff, then replace the instance with a fresh one (same mailbox).</summary>
    Restart,

    /// <summary>Stop the actor; its queued messages become dead letters.</summary>
    Stop,

    /// <summary>Fail the parent with the same exception; the parent's own supervisor decides.</summary>
    Escalate,
}
