namespace Nightjar.Persistence.Tests.Fixtures;

/// <summary>Deliberately without [EventType] and never registered.</summary>
public sealed record NotRegisteredEvent(string Text);
