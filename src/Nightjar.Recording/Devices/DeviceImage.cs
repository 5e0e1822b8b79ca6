namespace Nightjar.Recording.Devices;

/// <summary>The last picture a device sent with an event for a camera (event sources that keep images).</summary>
/// <param name="Jpeg">The image bytes as the device sent them.</param>
/// <param name="ReceivedAt">When it arrived.</param>
public sealed record DeviceImage(ReadOnlyMemory<byte> Jpeg, DateTimeOffset ReceivedAt);
