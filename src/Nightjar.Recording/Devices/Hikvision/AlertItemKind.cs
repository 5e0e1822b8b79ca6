namespace Nightjar.Recording.Devices.Hikvision;

internal enum AlertItemKind
{
    Event = 0,
    Image = 1,
    Error = 2,
    Dropped = 3,
}
