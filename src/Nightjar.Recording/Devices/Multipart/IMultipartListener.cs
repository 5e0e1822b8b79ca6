namespace Nightjar.Recording.Devices.Multipart;

/// <summary>Receives what a <see cref="MultipartStreamParser"/> finds, synchronously, during <c>Feed</c> and <c>Complete</c>.</summary>
internal interface IMultipartListener
{
    /// <summary>A complete part that is kept (text, or an image when images are kept).</summary>
    void OnPart(in MultipartPart part);

    /// <summary>A part skipped on purpose (an image while images are dropped, an unknown content type): not an error.</summary>
    void OnDropped(PartKind kind);

    /// <summary>A damaged stream; the parser has already resynchronised or will on the next delimiter.</summary>
    void OnError(MultipartError error);
}
