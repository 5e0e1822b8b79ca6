using System.Globalization;
using System.Net;
using System.Text.Json;
using Nightjar.Server.Tests.Api.Alarms;

namespace Nightjar.Server.Tests.Playback;

public sealed class RecordingsApiProtectionTests(SignalsNode node) : IClassFixture<SignalsNode>
{
    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Get_AfterAlarmsAndALock_ShowsMotionWithAlarmWindowsAndLockedRanges()
    {
        var camera = await node.AddCameraAsync(preAlarm: TimeSpan.FromSeconds(5), postAlarm: TimeSpan.FromSeconds(20));
        using var client = node.Client(node.OperatorKey);
        var start = node.Time.GetUtcNow();
        await PostAlarmAsync(client, camera, "active");
        node.Time.Advance(TimeSpan.FromSeconds(60));
        await PostAlarmAsync(client, camera, "inactive");
        node.Time.Advance(TimeSpan.FromSeconds(10));
        await PostAlarmAsync(client, camera, "pulse");             // within the first window's post-alarm: merged
        node.Time.Advance(TimeSpan.FromMinutes(10));
        await PostAlarmAsync(client, camera, "pulse");
        var lockBody = $$"""{"from": "{{Iso(start.AddMinutes(-30))}}", "to": "{{Iso(start.AddMinutes(2))}}", "reason": "theft"}""";
        using var placed = await client.PostAsync(new Uri($"/api/v1/cameras/{camera}/locks", UriKind.Relative), SignalsNode.Json(lockBody));
        placed.StatusCode.Should().Be(HttpStatusCode.Created);
        var expired = $$"""{"from": "{{Iso(start)}}", "to": "{{Iso(start.AddMinutes(1))}}", "until": "{{Iso(node.Time.GetUtcNow().AddSeconds(30))}}", "reason": "short"}""";
        (await client.PostAsync(new Uri($"/api/v1/cameras/{camera}/locks", UriKind.Relative), SignalsNode.Json(expired))).StatusCode.Should().Be(HttpStatusCode.Created);
        node.Time.Advance(TimeSpan.FromMinutes(1));

        var from = start.AddMinutes(-10);
        var to = start.AddMinutes(20);
        using var response = await client.GetAsync(new Uri($"/api/v1/cameras/{camera}/recordings?from={Iso(from)}&to={Iso(to)}", UriKind.Relative));

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Ranges(root.GetProperty("motion")).Should().Equal(
            (start.AddSeconds(-5), start.AddSeconds(70 + 20)),
            (start.AddSeconds(670 - 5), start.AddSeconds(670 + 20)));
        var locked = root.GetProperty("locked").EnumerateArray().ToList();
        locked.Should().ContainSingle("the expired lock no longer holds anything");
        locked[0].GetProperty("from").GetString().Should().Be(Iso(from), "clipped to the window");
        locked[0].GetProperty("to").GetString().Should().Be(Iso(start.AddMinutes(2)));
        locked[0].GetProperty("until").ValueKind.Should().Be(JsonValueKind.Null);
        root.GetProperty("recorded").GetArrayLength().Should().Be(0);
        root.GetProperty("gaps").GetArrayLength().Should().Be(1, "the existing fields are unchanged");
    }

    [Fact]
    public async Task Get_OpenMotionWindow_ReachesNowPlusPostAlarm()
    {
        var camera = await node.AddCameraAsync(preAlarm: TimeSpan.Zero, postAlarm: TimeSpan.FromSeconds(30));
        using var client = node.Client(node.OperatorKey);
        var start = node.Time.GetUtcNow();
        await PostAlarmAsync(client, camera, "active");
        node.Time.Advance(TimeSpan.FromSeconds(45));

        var text = await client.GetStringAsync(new Uri($"/api/v1/cameras/{camera}/recordings?from={Iso(start.AddMinutes(-1))}&to={Iso(start.AddMinutes(5))}", UriKind.Relative));

        using var json = JsonDocument.Parse(text);
        Ranges(json.RootElement.GetProperty("motion")).Should().Equal((start, start.AddSeconds(75)));
        json.RootElement.TryGetProperty("locked", out _).Should().BeFalse("empty lists are left out");
    }

    private static async Task PostAlarmAsync(HttpClient client, string camera, string state)
    {
        using var response = await client.PostAsync(
            new Uri($"/api/v1/cameras/{camera}/alarms", UriKind.Relative),
            SignalsNode.Json($$"""{"type": "motion", "state": "{{state}}"}"""));
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    private static List<(DateTimeOffset, DateTimeOffset)> Ranges(JsonElement array) =>
    [
        .. array.EnumerateArray().Select(r => (
            DateTimeOffset.Parse(r.GetProperty("from").GetString()!, CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(r.GetProperty("to").GetString()!, CultureInfo.InvariantCulture))),
    ];
}
