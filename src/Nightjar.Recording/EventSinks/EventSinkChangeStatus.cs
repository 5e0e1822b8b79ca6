namespace Nightjar.Recording.EventSinks;

public enum EventSinkChangeStatus
{
    Ok = 0,

    /// <summary>No sink with that id.</summary>
    NotFound = 1,

    /// <summary>The request breaks the rules; see the errors.</summary>
    Invalid = 2,
}
