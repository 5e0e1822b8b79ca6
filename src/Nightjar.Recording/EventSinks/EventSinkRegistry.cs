using System.Collections.Immutable;
using Nightjar.Persistence;

namespace Nightjar.Recording.EventSinks;

/// <summary>
/// The configured sinks as an immutable snapshot, built from the sink definition stream in journal order. Applying is
/// total (never throws), as for the camera registry: an event seen twice or out of place changes nothing wrong.
/// </summary>
public sealed class EventSinkRegistry
{
    private readonly ImmutableSortedDictionary<string, RegisteredSink> _sinks;

    private EventSinkRegistry(ImmutableSortedDictionary<string, RegisteredSink> sinks) => _sinks = sinks;

    public static EventSinkRegistry Empty { get; } = new(ImmutableSortedDictionary.Create<string, RegisteredSink>(StringComparer.Ordinal));

    /// <summary>The sinks ordered by id.</summary>
    public IEnumerable<RegisteredSink> Sinks => _sinks.Values;

    public int Count => _sinks.Count;

    public RegisteredSink? Find(string id) => _sinks.GetValueOrDefault(id);

    public EventSinkRegistry Apply(JournalEvent journalEvent)
    {
        ArgumentNullException.ThrowIfNull(journalEvent);
        return journalEvent.Payload switch
        {
            EventSinkCreated created => Put(created.Sink, journalEvent.Offset),
            EventSinkUpdated updated => Put(updated.Sink, journalEvent.Offset),
            EventSinkDeleted deleted when _sinks.ContainsKey(deleted.SinkId) => new(_sinks.Remove(deleted.SinkId)),
            _ => this,
        };
    }

    private EventSinkRegistry Put(EventSinkDefinition definition, JournalOffset offset)
    {
        // The epoch's start stays where the epoch began: a rename does not move "now".
        var epochStart = _sinks.TryGetValue(definition.Id, out var current) && current.Definition.Epoch == definition.Epoch
            ? current.EpochStart
            : offset;
        return new(_sinks.SetItem(definition.Id, new RegisteredSink(definition, epochStart)));
    }
}
