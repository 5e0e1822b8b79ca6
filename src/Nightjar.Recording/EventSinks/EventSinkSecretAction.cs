namespace Nightjar.Recording.EventSinks;

/// <summary>What a request does with the signing secret (responses show only <c>"secret": true|false</c>).</summary>
public enum EventSinkSecretAction
{
    /// <summary>No <c>secret</c> field: none on create, the stored one kept on replace.</summary>
    Absent = 0,

    /// <summary><c>"secret": true</c> (a GET body sent back): keep the stored secret.</summary>
    Keep = 1,

    /// <summary><c>"secret": false</c> or <c>null</c>: send unsigned requests.</summary>
    Remove = 2,

    /// <summary><c>"secret": "..."</c>: sign with this secret.</summary>
    Set = 3,
}
