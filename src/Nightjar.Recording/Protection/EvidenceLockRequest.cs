namespace Nightjar.Recording.Protection;

/// <summary>What an operator asks to protect: <c>[From, To)</c> of a camera's recordings, until <paramref name="Until"/> (null: indefinitely).</summary>
public sealed record EvidenceLockRequest(DateTimeOffset From, DateTimeOffset To, DateTimeOffset? Until, string Reason);
