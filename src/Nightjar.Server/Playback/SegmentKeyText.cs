namespace Nightjar.Server.Playback;

/// <summary>
/// The shape a segment key must have in a chunk URL before it reaches the archive: 1 to 128 unreserved URL
/// characters (<c>A-Z a-z 0-9 . _ ~ -</c>), and not <c>.</c> or <c>..</c>. The archive checks the key again and
/// never resolves outside a storage root; this stops anything path-like (<c>../</c>, <c>%2F</c>, <c>\</c>, NUL)
/// at the door with a clear 400.
/// </summary>
internal static class SegmentKeyText
{
    public const int MaxLength = 128;

    public static bool IsWellFormed(string? key) =>
        key is { Length: > 0 and <= MaxLength }
        && key is not ("." or "..")
        && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '~' or '-');
}
