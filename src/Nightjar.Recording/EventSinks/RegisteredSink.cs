using Nightjar.Persistence;

namespace Nightjar.Recording.EventSinks;

/// <summary>A sink definition with the journal offset where its current epoch began (the "now" of <see cref="EventSinkStart.Now"/>).</summary>
public sealed record RegisteredSink(EventSinkDefinition Definition, JournalOffset EpochStart)
{
    public string Id => Definition.Id;

    /// <summary>Where delivery starts when no acknowledgement of the current epoch exists.</summary>
    public JournalOffset InitialPosition => Definition.From == EventSinkStart.Start ? JournalOffset.Start : EpochStart;
}
