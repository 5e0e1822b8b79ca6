namespace Nightjar.Actors;

/// <summary>What a bounded mailbox does with a message that does not fit.</summary>
public enum MailboxFullMode
{
    /// <summary>Back-pressure: <c>TellAsync</c> waits for room; the synchronous <c>Tell</c> throws <see cref="MailboxFullException"/>.</summary>
    Wait,

    /// <summary>The message being sent (the newest) is dropped as a dead letter; an ask fails with <see cref="MailboxFullException"/>.</summary>
    DropNewest,

    /// <summary>The oldest queued message is dropped as a dead letter to make room; an ask it carried fails.</summary>
    DropOldest,

    /// <summary>The sender gets <see cref="MailboxFullException"/> (from <c>Tell</c>, <c>TellAsync</c> or the ask task).</summary>
    Fail,
}
