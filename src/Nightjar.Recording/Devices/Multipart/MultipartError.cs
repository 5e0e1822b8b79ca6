namespace Nightjar.Recording.Devices.Multipart;

/// <summary>What went wrong in a <c>multipart/mixed</c> stream; the parser resynchronises on the next boundary after each.</summary>
internal enum MultipartError
{
    /// <summary>A delimiter line that is not one, or bytes between a part and the next delimiter.</summary>
    Boundary = 0,

    /// <summary>A part that ended (a delimiter inside its declared length, or the end of the stream) before its body was complete.</summary>
    Truncated = 1,

    /// <summary>A part or header block larger than its cap (an "endless part"): skipped up to the next delimiter.</summary>
    Oversized = 2,
}
