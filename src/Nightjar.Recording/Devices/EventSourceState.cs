namespace Nightjar.Recording.Devices;

/// <summary>Where a device event source stands.</summary>
public enum EventSourceState
{
    /// <summary>Opening the connection (first time or after a wait).</summary>
    Connecting = 0,

    /// <summary>The event stream is open.</summary>
    Connected = 1,

    /// <summary>The device rejected the credentials; tried again slowly.</summary>
    Unauthorized = 2,

    /// <summary>The last attempt failed or the connection broke; waiting to reconnect.</summary>
    Failed = 3,

    /// <summary>Not running (stopped, or the camera is disabled).</summary>
    Stopped = 4,
}
