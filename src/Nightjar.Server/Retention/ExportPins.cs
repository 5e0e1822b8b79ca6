using Nightjar.Recording.Retention;
using Nightjar.Server.Playback;

namespace Nightjar.Server.Retention;

/// <summary>
/// Keeps retention away from the files an export is reading: every file of the plan is pinned (by its path relative
/// to its storage root, as the catalog and retention name it) from the moment the export starts sending until it
/// ends, however it ends. Pins are taken when the result executes, not when it is created, so a result that is never
/// executed cannot leave a pin behind (a leaked pin would keep a segment forever).
/// </summary>
internal sealed class ExportPins(ISegmentPins pins, IReadOnlyList<string> storageRoots)
{
    /// <summary><paramref name="export"/>, with the files of <paramref name="plan"/> pinned while it runs.</summary>
    public IResult Around(ExportPlan plan, IResult export)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(export);
        return new PinnedResult(this, plan, export);
    }

    /// <summary>Pins every distinct file of the plan that lies inside a storage root; dispose to release them all.</summary>
    public IDisposable PinFilesOf(ExportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var held = new List<IDisposable>();
        foreach (var fullPath in plan.Spans.Where(s => s.Node is null).Select(s => s.FullPath).Distinct(StringComparer.Ordinal))
        {
            if (RelativePath(fullPath) is { } relative)
            {
                held.Add(pins.Pin(relative));
            }
        }

        return new Held(held);
    }

    /// <summary>The path relative to the storage root holding it, '/'-separated; null when no root holds it.</summary>
    public string? RelativePath(string fullPath)
    {
        foreach (var root in storageRoots)
        {
            var relative = Path.GetRelativePath(root, fullPath);
            if (!Path.IsPathRooted(relative) && relative != "." && !relative.StartsWith("..", StringComparison.Ordinal))
            {
                return relative.Replace(Path.DirectorySeparatorChar, '/');
            }
        }

        return null;
    }

    private sealed class Held(List<IDisposable> pins) : IDisposable
    {
        public void Dispose()
        {
            foreach (var pin in pins)
            {
                pin.Dispose();
            }
        }
    }

    private sealed class PinnedResult(ExportPins owner, ExportPlan plan, IResult export) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            using var held = owner.PinFilesOf(plan);
            await export.ExecuteAsync(httpContext);
        }
    }
}
