using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Retention;

namespace Nightjar.Recording.Protection;

/// <summary>The mutable protection of one camera inside <see cref="ProtectionIndex"/>; published as an immutable <see cref="CameraProtection"/>.</summary>
internal sealed class CameraProtectionBuilder(CameraId cameraId)
{
    private readonly List<MotionWindow> _motion = [];
    private readonly Dictionary<string, EvidenceLock> _locks = new(StringComparer.Ordinal);
    private CameraProtection? _published;

    public bool IsEmpty => _motion.Count == 0 && _locks.Count == 0;

    public void Apply(object @event)
    {
        switch (@event)
        {
            case MotionStarted started:
                Insert(new MotionWindow(started.At, null));
                break;
            case MotionStopped stopped:
                Close(stopped.StartedAt, stopped.At);
                break;
            case EvidenceLockAdded added:
                _locks[added.LockId] = new EvidenceLock(added.LockId, added.CameraId, added.From, added.To, added.Until, added.Reason, added.By, added.At);
                break;
            case EvidenceLockReleased released:
                _locks.Remove(released.LockId);
                break;
            default:
                return;
        }

        _published = null;
    }

    public CameraProtection Publish() => _published ??= new CameraProtection(
        cameraId,
        [.. _motion],
        [.. _locks.Values.OrderBy(l => l.From).ThenBy(l => l.LockId, StringComparer.Ordinal)]);

    private void Insert(MotionWindow window)
    {
        // Windows arrive in order; a device clock that jumped back is the rare case that needs a search.
        var index = _motion.Count;
        while (index > 0 && _motion[index - 1].Start > window.Start)
        {
            index--;
        }

        _motion.Insert(index, window);
    }

    private void Close(DateTimeOffset start, DateTimeOffset end)
    {
        for (var i = _motion.Count - 1; i >= 0; i--)
        {
            if (_motion[i].Start == start && _motion[i].End is null)
            {
                _motion[i] = _motion[i] with { End = end };
                return;
            }
        }

        // The start was never seen (journal trimmed before it): the closed window still protects.
        Insert(new MotionWindow(start, end));
    }
}
