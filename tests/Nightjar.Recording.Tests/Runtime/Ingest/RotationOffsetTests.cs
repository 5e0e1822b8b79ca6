using Nightjar.Recording.Runtime.Ingest;

namespace Nightjar.Recording.Tests.Runtime.Ingest;

public sealed class RotationOffsetTests
{
    [Fact]
    public void For_ManyStreams_IsStableWholeSecondsWithinTheSegment_AndSpreadsThem()
    {
        var duration = TimeSpan.FromSeconds(60);
        var offsets = Enumerable.Range(0, 200).Select(i => RotationOffset.For($"cam{i}", "main", duration)).ToList();

        offsets.Should().OnlyContain(o => o >= TimeSpan.Zero && o < duration && o.Ticks % TimeSpan.TicksPerSecond == 0);
        offsets.Distinct().Count().Should().BeGreaterThan(45, "200 streams spread over most of the 60 seconds");
        RotationOffset.For("cam7", "main", duration).Should().Be(offsets[7], "the same stream always rotates at the same offset");
        RotationOffset.For("cam7", "sub", duration).Should().NotBe(offsets[7]);
    }
}
