namespace Nightjar.Recording.Devices.Hikvision;

/// <summary>The <c>error</c> tag of <c>nightjar.devices.parse.errors</c>.</summary>
internal enum ParseErrorKind
{
    Xml = 0,
    Json = 1,
    Boundary = 2,
    Truncated = 3,
    Oversized = 4,
}
