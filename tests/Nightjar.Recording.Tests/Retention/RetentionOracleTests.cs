using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Retention;
using Nightjar.Recording.Tests.Retention.Support;
using static Nightjar.Recording.Tests.Retention.Support.ReferenceRetention;

namespace Nightjar.Recording.Tests.Retention;

/// <summary>
/// THE oracle (issue 5, "Done when"): a simulated month of five cameras with different policies, random motion,
/// random evidence locks and pins, a root limit that bites and a disk that sometimes runs short. After every pass the
/// segments kept, in the catalog and on disk, are exactly those a brute-force reference keeps, and the index never
/// holds more than the limit plus one segment per recording camera.
/// </summary>
public abstract class RetentionOracleTests
{
    private const long MB = 1_000_000;
    /// <summary>The catalog's longest segment (SegmentCatalogOptions.MaxSegmentDuration).</summary>
    private static readonly TimeSpan SegmentLength = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan PassEvery = TimeSpan.FromHours(24);
    private static readonly TimeSpan Month = TimeSpan.FromDays(30);
    private static readonly TimeSpan MaxMotion = TimeSpan.FromHours(1);
    private static readonly long MaxSegmentBytes = 30 * MB;

    /// <summary>
    /// Seeds from <paramref name="first"/>: five classes run in parallel (the passes wait on fsync more than on the
    /// CPU). Two seeds per class (10 in all, about a minute on a loaded 2-core box) unless
    /// <c>NIGHTJAR_RETENTION_ORACLE_SEEDS</c> says how many per class (5 runs seeds 1 to 25).
    /// </summary>
    public static TheoryData<int> Seeds(int first) =>
        new(Enumerable.Range(first, int.TryParse(Environment.GetEnvironmentVariable("NIGHTJAR_RETENTION_ORACLE_SEEDS"), out var count) ? Math.Clamp(count, 1, 5) : 2));

    protected static async Task RunSeedAsync(int seed)
    {
        try
        {
            await SimulateAsync(seed);
        }
        catch (Exception error)
        {
            throw new InvalidOperationException($"Oracle failed for seed {seed}: {error.Message}", error);
        }
    }

    private static async Task SimulateAsync(int seed)
    {
        var random = new Random(seed);
        var limit = (long)random.Next(25_000, 40_000) * MB;
        var minFree = 2_000 * MB;
        var total = limit + (long)random.Next(6_000, 16_000) * MB;
        var options = new RetentionOptions
        {
            // Passes are driven by the test; timers never fire on the manual clock.
            PassInterval = TimeSpan.FromDays(3650),
            FreeSpaceCheckInterval = TimeSpan.FromDays(3650),
            BacklogPassDelay = TimeSpan.FromDays(3650),
            MaxDeletionsPerPass = random.Next(600, 800),
            MinFreeBytes = minFree,
            MaxMotionLength = MaxMotion,
            DeletionBatchSize = 1_000,
        };

        await using var world = await RetentionWorld.StartAsync(total);
        var cameras = new (string Id, TimeSpan Offset, Nightjar.Recording.Policies.DvrPolicy Dvr)[]
        {
            ("c1", TimeSpan.FromSeconds(1), RetentionWorld.Policy("2d")),
            ("c2", TimeSpan.FromSeconds(2), RetentionWorld.Policy("1d", "2d")),
            ("c3", TimeSpan.FromSeconds(3), RetentionWorld.Policy("5d", space: random.Next(3_000, 5_000) * MB)),
            ("c4", TimeSpan.FromSeconds(4), RetentionWorld.Policy("unlimited", "unlimited")),
            ("c5", TimeSpan.FromSeconds(5), RetentionWorld.Policy("3d", "1d", space: random.Next(4_000, 7_000) * MB, preSeconds: 60, postSeconds: 120)),
        };
        foreach (var camera in cameras)
        {
            world.Cameras.Put(RetentionWorld.Camera(camera.Id, camera.Dvr));
        }

        var policies = cameras.ToDictionary(c => c.Id, c => new Policy(c.Dvr.Depth, c.Dvr.MotionDepth, c.Dvr.Space?.Bytes, c.Dvr.PreAlarm, c.Dvr.PostAlarm));
        var service = world.CreateService(options, world.RootWithLimit(limit));
        await service.StartAsync(CancellationToken.None);

        var kept = new List<Segment>();
        var next = cameras.ToDictionary(c => c.Id, c => RetentionWorld.T0 + c.Offset);
        var protection = new ProtectionModel(random);
        var pins = new List<(IDisposable Pin, int ReleaseAt)>();
        var pass = 0;
        for (var now = RetentionWorld.T0 + PassEvery; now <= RetentionWorld.T0 + Month; now += PassEvery, pass++)
        {
            world.Clock.SetUtcNow(now);
            foreach (var camera in cameras)
            {
                var closed = new List<(DateTimeOffset, DateTimeOffset, long)>();
                while (next[camera.Id] + SegmentLength <= now)
                {
                    closed.Add((next[camera.Id], next[camera.Id] + SegmentLength, random.NextInt64(20 * MB, MaxSegmentBytes + 1)));
                    next[camera.Id] += SegmentLength;
                }

                foreach (var recorded in await world.RecordManyAsync(camera.Id, closed))
                {
                    kept.Add(new Segment(camera.Id, recorded.Path, recorded.Start, recorded.End, recorded.Bytes));
                }
            }
            await world.ProjectAsync();
            world.Protection.Snapshot = protection.Step(now, kept, cameras.Select(c => c.Id).ToList());
            foreach (var expired in pins.Where(p => p.ReleaseAt <= pass).ToList())
            {
                expired.Pin.Dispose();
                pins.Remove(expired);
            }

            if (random.NextDouble() < 0.3 && kept.Count > 0)
            {
                pins.Add((world.Pins.Pin(kept[random.Next(Math.Min(kept.Count, 40))].Path), pass + random.Next(1, 4)));
            }
            var expected = Decide(
                now,
                kept,
                c => policies[c],
                world.Protection.Snapshot,
                world.Pins.IsPinned,
                limit,
                Math.Max(0, total - kept.Sum(s => s.Bytes)),
                minFree,
                options.MaxDeletionsPerPass,
                MaxMotion);
            var result = await service.RunPassAsync(CancellationToken.None);

            var gone = expected.Select(d => d.Segment.Path).ToHashSet();
            kept.RemoveAll(s => gone.Contains(s.Path));
            var because = $"pass {pass} at {now:O} (expected {string.Join(", ", expected.GroupBy(d => d.Reason).Select(g => $"{g.Key}={g.Count()}"))}; got {string.Join(", ", result.ByReason.Select(r => $"{r.Key}={r.Value}"))}; free {total - kept.Sum(s => s.Bytes) - expected.Sum(d => d.Segment.Bytes)})";
            result.Refused.Should().Be(false, because);
            result.Deleted.Should().Be(expected.Count, because);
            result.ByReason.Where(r => r.Value > 0).OrderBy(r => r.Key).Should().Equal(
                expected.GroupBy(d => d.Reason).OrderBy(g => g.Key).Select(g => new KeyValuePair<SegmentDeletionReason, int>(g.Key, g.Count())),
                because);
            var rows = await world.RowsAsync();
            rows.Should().OnlyContain(r => r.State == Nightjar.Persistence.Catalog.CatalogSegmentState.Recorded, because);
            var keptPaths = kept.Select(s => s.Path).ToHashSet(StringComparer.Ordinal);
            Difference(rows.Select(r => r.Path), keptPaths).Should().Be("", because + ": the index keeps what the reference keeps");
            Difference(world.Files(), keptPaths).Should().Be("", because + ": the disk keeps what the reference keeps");
            kept.Sum(s => s.Bytes).Should().BeLessThanOrEqualTo(limit + (cameras.Length * MaxSegmentBytes), because + ": the index stays within the limit plus a segment per camera");
        }
        foreach (var pin in pins)
        {
            pin.Pin.Dispose();
        }
    }

    /// <summary>Empty when <paramref name="actual"/> is <paramref name="expected"/>; else what is extra and what is missing (set comparison: thousands of paths).</summary>
    private static string Difference(IEnumerable<string> actual, HashSet<string> expected)
    {
        var set = actual.ToHashSet(StringComparer.Ordinal);
        var extra = set.Where(p => !expected.Contains(p)).Order(StringComparer.Ordinal).ToList();
        var missing = expected.Where(p => !set.Contains(p)).Order(StringComparer.Ordinal).ToList();
        return extra.Count == 0 && missing.Count == 0 ? "" : $"extra [{string.Join(", ", extra)}], missing [{string.Join(", ", missing)}]";
    }

    /// <summary>Random motion (some left open, some never closed) and evidence locks (some expiring, some released).</summary>
    private sealed class ProtectionModel(Random random)
    {
        private readonly Dictionary<string, List<MotionWindow>> _motion = [];
        private readonly Dictionary<string, List<EvidenceLock>> _locks = [];
        private int _lockIds;

        public ProtectionSnapshot Step(DateTimeOffset now, List<Segment> kept, List<string> cameras)
        {
            foreach (var camera in cameras)
            {
                var windows = _motion.TryGetValue(camera, out var list) ? list : _motion[camera] = [];
                for (var i = 0; i < windows.Count; i++)
                {
                    if (windows[i].End is null && random.NextDouble() < 0.5)
                    {
                        var end = now - TimeSpan.FromMinutes(random.Next(0, 90));
                        windows[i] = windows[i] with { End = end < windows[i].Start ? windows[i].Start : end };
                    }
                }

                if (random.NextDouble() < 0.6)
                {
                    var start = now - TimeSpan.FromMinutes(random.Next(1, 360));
                    var open = random.NextDouble() < 0.2;
                    windows.Add(new MotionWindow(start, open ? null : start + TimeSpan.FromMinutes(random.Next(1, 30))));
                }

                var locks = _locks.TryGetValue(camera, out var held) ? held : _locks[camera] = [];
                if (random.NextDouble() < 0.08)
                {
                    var from = now - TimeSpan.FromMinutes(random.Next(0, 3 * 24 * 60));
                    DateTimeOffset? until = random.NextDouble() < 0.3 ? null : now + TimeSpan.FromMinutes(random.Next(60, 5 * 24 * 60));
                    locks.Add(new EvidenceLock($"lock{++_lockIds}", new CameraId(camera), from, from + TimeSpan.FromMinutes(random.Next(30, 240)), until, "incident", "operator", now));
                }

                if (locks.Count > 0 && random.NextDouble() < 0.05)
                {
                    locks.RemoveAt(random.Next(locks.Count));
                }
            }

            return new ProtectionSnapshot(cameras.ToDictionary(
                c => new CameraId(c),
                c => new CameraProtection(new CameraId(c), [.. _motion[c].OrderBy(w => w.Start)], [.. _locks[c]])));
        }
    }
}
