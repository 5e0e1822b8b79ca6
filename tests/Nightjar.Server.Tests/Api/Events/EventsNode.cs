using System.Net.Http.Headers;
using Microsoft.AspNetCore.TestHost;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Api.Events;

/// <summary>Helpers over a <see cref="TestNode"/> for the event API tests: journal events through the camera API, make keys.</summary>
internal static class EventsNode
{
    public static readonly Uri Events = new("/api/v1/events", UriKind.Relative);
    public static readonly Uri Stream = new("/api/v1/events/stream", UriKind.Relative);

    /// <summary>
    /// Adds a disabled camera (nothing records it, so no stream events join in): one <c>camera_added</c>. Its stream URL
    /// carries a password and its event source another, so tests can look for them in what is published.
    /// </summary>
    public static async Task AddCameraAsync(HttpClient client, string id)
    {
        var body = $$"""
            {"id": "{{id}}", "name": "Camera {{id}}", "enabled": false,
             "streams": [{"name": "main", "url": "rtsp://admin:StreamPa55word@127.0.0.1:1/{{id}}?token=UrlT0ken"}],
             "events": {"kind": "hikvision", "url": "http://127.0.0.1:1", "username": "admin", "password": "EventPa55word"} }
            """;
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/v1/cameras", UriKind.Relative), content);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    public static async Task<string> CreateKeyAsync(HttpClient admin, string role)
    {
        using var response = await admin.PostAsJsonAsync(new Uri("/api/v1/keys", UriKind.Relative), new { name = role + " key", role });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("key").GetString()!;
    }

    public static HttpClient ClientWithKey(TestNode node, string? key)
    {
        var client = node.App.GetTestClient();
        client.DefaultRequestHeaders.Authorization = key is null ? null : new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
