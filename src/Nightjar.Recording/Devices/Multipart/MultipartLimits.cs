namespace Nightjar.Recording.Devices.Multipart;

/// <summary>Caps that keep a <see cref="MultipartStreamParser"/>'s memory bounded whatever the device sends.</summary>
internal sealed record MultipartLimits
{
    public const int DefaultMaxTextPartBytes = 1024 * 1024;
    public const int DefaultMaxImagePartBytes = 2 * 1024 * 1024;

    /// <summary>Largest XML, JSON or text part kept; larger ones are skipped and reported as <see cref="MultipartError.Oversized"/>.</summary>
    public int MaxTextPartBytes { get; init; } = DefaultMaxTextPartBytes;

    /// <summary>Largest image kept when <see cref="KeepImages"/> is true.</summary>
    public int MaxImagePartBytes { get; init; } = DefaultMaxImagePartBytes;

    /// <summary>Largest header block of one part.</summary>
    public int MaxHeaderBytes { get; init; } = 16 * 1024;

    /// <summary>Whether image parts are buffered and delivered; false skips them as they stream by.</summary>
    public bool KeepImages { get; init; }
}
