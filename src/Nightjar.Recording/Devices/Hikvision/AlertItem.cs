namespace Nightjar.Recording.Devices.Hikvision;

/// <summary>One thing the decoder found in the stream, in stream order.</summary>
/// <param name="Kind">Which of the other fields is set.</param>
/// <param name="Event">The event (<see cref="AlertItemKind.Event"/>).</param>
/// <param name="Image">A copy of a kept JPEG (<see cref="AlertItemKind.Image"/>), owned by the receiver.</param>
/// <param name="Channel">For an image: the channel of the event before it (devices send the picture after its event).</param>
/// <param name="Error">What failed (<see cref="AlertItemKind.Error"/>).</param>
/// <param name="Detail">A short reason for an error, without device text.</param>
internal readonly record struct AlertItem(
    AlertItemKind Kind,
    DeviceEvent? Event = null,
    byte[]? Image = null,
    int? Channel = null,
    ParseErrorKind Error = default,
    string? Detail = null);
