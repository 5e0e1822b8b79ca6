using System.Collections.Concurrent;
using System.Globalization;

namespace Nightjar.Actors.Runtime;

internal abstract partial class ActorCell
{
    private readonly ConcurrentDictionary<string, ActorCell> _children = new(StringComparer.Ordinal);
    private int _anonymousChildren;

    public ICollection<ActorCell> Children => _children.Values;

    public bool TryAddChild(ActorCell child) => _children.TryAdd(child.Name, child);

    /// <summary>Removes exactly this cell: its name stays reserved until the child has fully terminated.</summary>
    public void RemoveChild(ActorCell child) => _children.TryRemove(KeyValuePair.Create(child.Name, child));

    public ActorCell? GetChild(string name) => _children.GetValueOrDefault(name);

    public string NextAnonymousChildName() => "$" + Interlocked.Increment(ref _anonymousChildren).ToString(CultureInfo.InvariantCulture);

    /// <summary>Stops every child (gracefully or not) and waits until all of them have terminated.</summary>
    private protected Task StopChildrenAsync(bool drain)
    {
        if (_children.IsEmpty)
        {
            return Task.CompletedTask;
        }

        var children = _children.Values;
        var terminations = new Task[children.Count];
        int i = 0;
        foreach (var child in children)
        {
            if (drain)
            {
                child.RequestStop();
            }
            else
            {
                child.RequestKill();
            }

            terminations[i++] = child.WhenTerminated;
        }

        return Task.WhenAll(terminations);
    }
}
