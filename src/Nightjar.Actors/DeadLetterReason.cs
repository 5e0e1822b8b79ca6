namespace Nightjar.Actors;

public enum DeadLetterReason
{
    /// <summary>The recipient was stopped, or stopped before it could process the message.</summary>
    RecipientStopped,

    /// <summary>The recipient's bounded mailbox was full.</summary>
    MailboxFull,
}
