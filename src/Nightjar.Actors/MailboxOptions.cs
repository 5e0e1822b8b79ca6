namespace Nightjar.Actors;

/// <summary>Mailbox shape of one actor: unbounded (the default) or bounded with a <see cref="MailboxFullMode"/>.</summary>
public sealed record MailboxOptions
{
    /// <summary>No limit on queued messages.</summary>
    public static MailboxOptions Unbounded { get; } = new();

    /// <summary>Null for an unbounded mailbox.</summary>
    public int? Capacity { get; init; }

    public MailboxFullMode FullMode { get; init; } = MailboxFullMode.Wait;

    /// <summary>A mailbox holding at most <paramref name="capacity"/> queued messages.</summary>
    public static MailboxOptions Bounded(int capacity, MailboxFullMode fullMode = MailboxFullMode.Wait)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        if (!Enum.IsDefined(fullMode))
        {
            throw new ArgumentOutOfRangeException(nameof(fullMode), fullMode, "Unknown mailbox full mode.");
        }

        return new MailboxOptions { Capacity = capacity, FullMode = fullMode };
    }

    internal void Validate()
    {
        if (Capacity is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Capacity), Capacity, "A bounded mailbox needs a capacity of at least 1.");
        }

        if (!Enum.IsDefined(FullMode))
        {
            throw new ArgumentOutOfRangeException(nameof(FullMode), FullMode, "Unknown mailbox full mode.");
        }
    }
}
