using Nightjar.Persistence;

namespace Nightjar.Recording.EventFeed;

/// <summary>One page of the event history.</summary>
/// <param name="Events">The matching events, in feed order.</param>
/// <param name="Next">Where the next page starts (pass as <c>after</c>): past every event this page examined, matching or not.</param>
/// <param name="Scanned">Journal events examined for this page.</param>
public sealed record EventPage(IReadOnlyList<FeedEvent> Events, JournalOffset Next, int Scanned);
