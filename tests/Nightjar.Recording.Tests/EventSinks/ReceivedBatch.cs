namespace Nightjar.Recording.Tests.EventSinks;

/// <summary>One POST a <see cref="SinkReceiver"/> got.</summary>
internal sealed record ReceivedBatch(
    IReadOnlyList<string> EventIds,
    IReadOnlyList<string> Types,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    bool SignatureValid,
    bool Acknowledged);
