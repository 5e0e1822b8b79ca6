using Nightjar.Persistence;

namespace Nightjar.Persistence.Tests.Fixtures;

[EventType("test.counter-state.v1")]
public sealed record CounterState(int Count, IReadOnlyList<string> Names);
