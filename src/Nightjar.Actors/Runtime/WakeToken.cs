namespace Nightjar.Actors.Runtime;

/// <summary>Written into an idle unbounded mailbox so its reader wakes up and looks at the system lane.</summary>
internal sealed class WakeToken
{
    public static WakeToken Instance { get; } = new();

    private WakeToken()
    {
    }
}
