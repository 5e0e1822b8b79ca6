namespace Nightjar.Actors.Testing;

public static class ActorSystemTestingExtensions
{
    /// <summary>Spawns a <see cref="TestProbe{T}"/> as a top-level actor of <paramref name="system"/>.</summary>
    public static TestProbe<T> CreateTestProbe<T>(this ActorSystem system, string? name = null) => new(system, name);
}
