namespace Nightjar.Actors.Runtime;

internal static class ActorTypeNames
{
    /// <summary><c>CameraActor</c>, or <c>ProbeActor</c> for <c>ProbeActor`1</c>: a short, stable metric tag.</summary>
    public static string Of(Type type)
    {
        string name = type.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }
}
