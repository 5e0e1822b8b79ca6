using System.Text.Json;
using Nightjar.Recording.Policies;

namespace Nightjar.Recording.Tests.Policies;

public sealed class DvrPolicyTests
{
    [Fact]
    public void Default_HasFlussonicAlarmWindowsAndNoLimits()
    {
        var policy = DvrPolicy.Default;

        policy.PreAlarm.Should().Be(TimeSpan.FromSeconds(10));
        policy.PostAlarm.Should().Be(TimeSpan.FromSeconds(30));
        policy.Depth.IsUnlimited.Should().BeTrue();
        policy.MotionDepth.Should().BeNull();
        policy.Space.Should().BeNull();
        policy.Validate().Should().BeEmpty();
    }

    [Fact]
    public void Validate_ZeroSpaceAndOutOfRangeWindows_AreErrorsNamingTheField()
    {
        var policy = DvrPolicy.Default with
        {
            Space = new ByteSize(0),
            PreAlarm = TimeSpan.FromSeconds(-1),
            PostAlarm = TimeSpan.FromHours(2),
        };

        policy.Validate().Select(e => e.Field).Should().BeEquivalentTo("dvr.space", "dvr.preAlarm", "dvr.postAlarm");
    }

    [Fact]
    public void Json_UsesTheTextFormsAndRoundTrips()
    {
        var policy = new DvrPolicy(DepthLimit.Parse("7d"), DepthLimit.Parse("30d"), ByteSize.Parse("100GB"), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1));
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        var json = JsonSerializer.Serialize(policy, options);

        json.Should().Be("""{"depth":"7d","motionDepth":"30d","space":"100GB","preAlarm":"5s","postAlarm":"1m"}""");
        JsonSerializer.Deserialize<DvrPolicy>(json, options).Should().Be(policy);
    }
}
