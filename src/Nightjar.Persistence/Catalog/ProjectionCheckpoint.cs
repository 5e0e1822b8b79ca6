namespace Nightjar.Persistence.Catalog;

/// <summary>A projection's name and the journal offset it has applied up to, stored with the changes it produced.</summary>
public sealed record ProjectionCheckpoint(string Projection, JournalOffset Offset);
