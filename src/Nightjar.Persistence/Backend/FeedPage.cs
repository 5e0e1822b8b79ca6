namespace Nightjar.Persistence.Backend;

/// <summary>A page of a feed.</summary>
/// <param name="Items">The deliverable events, in feed order.</param>
/// <param name="HeldBack">
/// Committed events exist past the visibility horizon (an older transaction is still running). Whoever ends that
/// transaction may not send a commit hint, so a live feed re-polls soon instead of waiting a full poll interval.
/// </param>
internal sealed record FeedPage<T>(IReadOnlyList<T> Items, bool HeldBack);
