using System.Collections.Frozen;

namespace Nightjar.Recording.Cameras;

/// <summary>The camera event sources Nightjar can subscribe to (the <c>events.kind</c> of a camera).</summary>
public static class EventSourceKinds
{
    /// <summary>Hikvision ISAPI alert stream (motion, line crossing...).</summary>
    public const string Hikvision = "hikvision";

    /// <summary>Every kind accepted in a camera request. Add a kind here when its client exists, not before.</summary>
    public static IReadOnlySet<string> Supported { get; } = new[] { Hikvision }.ToFrozenSet(StringComparer.Ordinal);
}
