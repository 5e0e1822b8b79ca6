namespace Nightjar.Recording.Retention;

/// <summary>Segments something is reading right now (an export): retention never deletes a pinned path.</summary>
public interface ISegmentPins
{
    /// <summary>Pins <paramref name="relativePath"/> until the result is disposed; pins of one path count up.</summary>
    IDisposable Pin(string relativePath);

    bool IsPinned(string relativePath);
}
