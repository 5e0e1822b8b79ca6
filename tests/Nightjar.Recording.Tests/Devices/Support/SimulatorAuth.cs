namespace Nightjar.Recording.Tests.Devices.Support;

/// <summary>The challenge the simulated device sends.</summary>
internal enum SimulatorAuth
{
    Digest = 0,
    Basic = 1,
}
