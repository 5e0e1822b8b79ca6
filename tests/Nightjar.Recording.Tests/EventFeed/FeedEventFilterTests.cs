using Nightjar.Recording.EventFeed;

namespace Nightjar.Recording.Tests.EventFeed;

public sealed class FeedEventFilterTests
{
    [Fact]
    public void Create_UnknownTypeOrBadCamera_NamesTheFieldAndTheValue()
    {
        var result = FeedEventFilter.Create(["camera_alarm", "nope"], ["lobby", "Bad Id!"], "types", "camera");

        result.IsValid.Should().BeFalse();
        result.Errors.Should().Contain(e => e.Field == "types" && e.Message.Contains("'nope'", StringComparison.Ordinal));
        result.Errors.Should().Contain(e => e.Field == "camera" && e.Message.Contains("'Bad Id!'", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_TooManyEntries_IsRefused() =>
        FeedEventFilter.Create([.. Enumerable.Repeat("camera_alarm", 101)], null, "types", "camera").IsValid.Should().BeFalse();

    [Fact]
    public void Matches_CameraFilter_ExcludesSiteWideEvents()
    {
        var filter = FeedEventFilter.Create(null, ["lobby"], "types", "camera").Value!;

        filter.Matches("camera_alarm", "lobby").Should().BeTrue();
        filter.Matches("camera_alarm", "gate").Should().BeFalse();
        filter.Matches("storage_alarm", null).Should().BeFalse();
        FeedEventFilter.All.Matches("storage_alarm", null).Should().BeTrue();
    }

    [Fact]
    public void Create_EmptyLists_MeanEverything() =>
        FeedEventFilter.Create([], [], "types", "camera").Value.Should().Be(new FeedEventFilter(null, null));
}
