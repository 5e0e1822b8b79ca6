namespace Nightjar.Recording.Events;

/// <summary>An API key was revoked; it never authenticates again.</summary>
[JournalType("apikey.revoked.v1")]
public sealed record ApiKeyRevoked(string Id, DateTimeOffset RevokedAt) : IRecordingEvent;
