using Nightjar.Persistence;

namespace Nightjar.Persistence.Tests.Fixtures;

[EventType("test.item-added.v1")]
public sealed record ItemAdded(string Name, int Value);
