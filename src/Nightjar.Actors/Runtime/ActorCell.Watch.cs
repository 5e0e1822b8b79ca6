namespace Nightjar.Actors.Runtime;

internal abstract partial class ActorCell
{
    private readonly object _watchersLock = new();
    private readonly HashSet<ActorCell> _watching = [];
    private HashSet<ActorCell>? _watchers;
    private Terminated? _terminated;

    public void WatchFromActor(ActorCell target) => StartWatching(target);

    public void UnwatchFromActor(ActorCell target) => StopWatching(target);

    /// <summary>Watcher side, on the watcher's loop: a watch of a dead actor answers at once with <see cref="Terminated"/>.</summary>
    private protected void StartWatching(ActorCell target)
    {
        if (ReferenceEquals(target, this) || !_watching.Add(target))
        {
            return;
        }

        target.AddWatcher(this);
    }

    private protected void StopWatching(ActorCell target)
    {
        if (_watching.Remove(target))
        {
            target.RemoveWatcher(this);
        }
    }

    /// <summary>True when the notification is for an actor still watched (not unwatched since, not from a previous incarnation).</summary>
    private protected bool AcceptTerminated(ActorCell target) => _watching.Remove(target);

    private protected void UnwatchAll()
    {
        foreach (var target in _watching)
        {
            target.RemoveWatcher(this);
        }

        _watching.Clear();
    }

    /// <summary>Marks this cell terminated, tells its watchers, and completes <see cref="WhenTerminated"/>.</summary>
    private protected void PublishTermination(Terminated terminated)
    {
        HashSet<ActorCell>? watchers;
        lock (_watchersLock)
        {
            _terminated = terminated;
            watchers = _watchers;
            _watchers = null;
        }

        if (watchers is not null)
        {
            foreach (var watcher in watchers)
            {
                watcher.PostSystem(new SystemMessage.WatchedTerminated(this, terminated));
            }
        }

        CompleteWhenTerminated();
    }

    private void AddWatcher(ActorCell watcher)
    {
        Terminated? alreadyTerminated;
        lock (_watchersLock)
        {
            alreadyTerminated = _terminated;
            if (alreadyTerminated is null)
            {
                (_watchers ??= []).Add(watcher);
                return;
            }
        }

        watcher.PostSystem(new SystemMessage.WatchedTerminated(this, alreadyTerminated));
    }

    private void RemoveWatcher(ActorCell watcher)
    {
        lock (_watchersLock)
        {
            _watchers?.Remove(watcher);
        }
    }
}
