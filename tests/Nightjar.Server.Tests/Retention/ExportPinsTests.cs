using Nightjar.Recording.Retention;
using Nightjar.Server.Playback;
using Nightjar.Server.Retention;

namespace Nightjar.Server.Tests.Retention;

public sealed class ExportPinsTests
{
    private static readonly string[] Roots = ["/srv/disk0", "/srv/disk1/"];

    private readonly SegmentPins _pins = new();

    [Theory]
    [InlineData("/srv/disk0/lobby/main/2026/11/21/run/1.ts", "lobby/main/2026/11/21/run/1.ts")]
    [InlineData("/srv/disk1/yard/main/x.ts", "yard/main/x.ts")]
    [InlineData("/srv/disk0/../disk0/lobby/a.ts", "lobby/a.ts")]
    [InlineData("/srv/disk2/lobby/a.ts", null)]
    [InlineData("/srv/disk0", null)]
    [InlineData("/srv/other/../../etc/passwd", null)]
    public void RelativePath_IsTheCatalogsPathInsideARootAndNullOutside(string fullPath, string? expected)
    {
        new ExportPins(_pins, Roots).RelativePath(fullPath).Should().Be(expected);
    }

    [Fact]
    public void PinFilesOf_PinsEachFileOnceUntilDisposed()
    {
        var exports = new ExportPins(_pins, Roots);
        var plan = Plan("/srv/disk0/a/1.ts", "/srv/disk0/a/1.ts", "/srv/disk1/b/2.ts", "/elsewhere/3.ts");

        var held = exports.PinFilesOf(plan);

        _pins.IsPinned("a/1.ts").Should().BeTrue();
        _pins.IsPinned("b/2.ts").Should().BeTrue();
        _pins.Count.Should().Be(2, "one pin per distinct file inside a root");
        held.Dispose();
        _pins.Count.Should().Be(0);
    }

    [Fact]
    public async Task Around_PinsWhileTheExportRunsAndReleasesWhenItEnds()
    {
        var exports = new ExportPins(_pins, Roots);
        var seen = false;
        var export = new CallbackResult(() => seen = _pins.IsPinned("a/1.ts"));

        var result = exports.Around(Plan("/srv/disk0/a/1.ts"), export);

        _pins.Count.Should().Be(0, "nothing is pinned before the export executes, so an unexecuted result leaks nothing");
        await result.ExecuteAsync(new DefaultHttpContext());
        seen.Should().BeTrue("the file is pinned while the export reads it");
        _pins.Count.Should().Be(0);
    }

    [Fact]
    public async Task Around_ExportFails_StillReleasesThePins()
    {
        var exports = new ExportPins(_pins, Roots);
        var result = exports.Around(Plan("/srv/disk0/a/1.ts"), new CallbackResult(() => throw new IOException("client went away")));

        var run = () => result.ExecuteAsync(new DefaultHttpContext());

        await run.Should().ThrowAsync<IOException>();
        _pins.Count.Should().Be(0);
    }

    private static ExportPlan Plan(params string[] files) =>
        new([.. files.Select((f, i) => new FileSpan(f, i * 100, 100))], files.Length, TimeSpan.FromSeconds(files.Length), 0);

    private sealed class CallbackResult(Action during) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            during();
            return Task.CompletedTask;
        }
    }
}
