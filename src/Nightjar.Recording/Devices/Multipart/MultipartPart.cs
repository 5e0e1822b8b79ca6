namespace Nightjar.Recording.Devices.Multipart;

/// <summary>
/// One complete part. <see cref="Body"/> points into the parser's buffer and is valid only during
/// <see cref="IMultipartListener.OnPart"/>: copy what must outlive the call.
/// </summary>
/// <param name="ContentType">The part's <c>Content-Type</c> header, or null when it had none.</param>
/// <param name="Kind">How the content type was classified.</param>
/// <param name="Body">The body, without the line break before the next delimiter.</param>
internal readonly record struct MultipartPart(string? ContentType, PartKind Kind, ReadOnlyMemory<byte> Body);
