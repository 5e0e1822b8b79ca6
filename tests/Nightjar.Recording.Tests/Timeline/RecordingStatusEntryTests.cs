using System.Text.Json;
using Nightjar.Recording.Timeline;

namespace Nightjar.Recording.Tests.Timeline;

public sealed class RecordingStatusEntryTests
{
    [Fact]
    public void From_GivesFlussonicShapeInWholeSecondsRoundedOutwards()
    {
        var start = DateTimeOffset.FromUnixTimeSeconds(1_763_726_400);
        var ranges = new[]
        {
            new TimeRange(start.AddMilliseconds(300), start.AddSeconds(60).AddMilliseconds(200)),
            new TimeRange(start.AddSeconds(120), start.AddSeconds(180)),
        };

        var json = JsonSerializer.Serialize(new[] { RecordingStatusEntry.From("lobby", ranges) });

        json.Should().Be("""[{"stream":"lobby","ranges":[{"from":1763726400,"duration":61},{"from":1763726520,"duration":60}]}]""");
    }

    [Fact]
    public void From_NoRanges_IsAnEmptyList() =>
        JsonSerializer.Serialize(RecordingStatusEntry.From("lobby/main", [])).Should().Be("""{"stream":"lobby/main","ranges":[]}""");
}
