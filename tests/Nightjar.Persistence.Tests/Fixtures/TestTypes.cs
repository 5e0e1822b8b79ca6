using Nightjar.Actors.Persistence;
using Nightjar.Persistence;

namespace Nightjar.Persistence.Tests.Fixtures;

internal static class TestTypes
{
    public static EventTypeRegistry Registry() => new EventTypeRegistry().Register<ItemAdded>().Register<CounterState>();

    public static string NewId(string prefix = "pid") => $"{prefix}-{Guid.NewGuid():N}";

    public static EventToPersist Item(string name, int value, params string[] tags) => new(new ItemAdded(name, value), tags);

    public static EventToPersist[] Items(int count, int firstValue = 1, params string[] tags) =>
        Enumerable.Range(firstValue, count).Select(v => Item($"item-{v}", v, tags)).ToArray();
}
