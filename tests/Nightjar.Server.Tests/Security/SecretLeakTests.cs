using System.Net;
using System.Text.Json;
using Nightjar.Server.Security;
using Nightjar.Server.Tests.Api;
using Nightjar.Server.Tests.Security.Support;

namespace Nightjar.Server.Tests.Security;

/// <summary>
/// Plants every kind of secret the node handles (camera passwords, API keys good and bad, keys and tokens in URLs)
/// with every log category at Trace, as an operator chasing a problem would run it, then searches every log entry
/// and every response for them.
/// </summary>
public sealed class SecretLeakTests
{
    private const string CameraPassword = "Cam3ra-Pa55word";
    private const string SecondPassword = "Second-Pa55word";
    private const string WrongKey = "nj_00000000000000ff_WrongKeyWrongKeyWrongKeyWrongKeyWrongKeyWro";

    [Fact]
    public async Task NoSecret_ReachesAnyLogOrResponse_EvenAtTrace()
    {
        await using var node = await SecureNode.StartAsync(new SecureNodeOptions { VerboseLogging = true });
        using var admin = node.AdminClient();
        var responses = new List<string>();
        async Task<string> Send(Task<HttpResponseMessage> request)
        {
            using var response = await request;
            var body = await response.Content.ReadAsStringAsync();
            responses.Add(body);
            responses.Add(response.Headers.ToString());
            return body;
        }

        await Send(admin.PostAsync(new Uri("/api/v1/cameras", UriKind.Relative), SecureNode.Json(CameraEndpointsTests.Camera("lobby", url: $"rtsp://admin:{CameraPassword}@10.0.0.5/s1"))));
        await Send(admin.PutAsync(new Uri("/api/v1/cameras/lobby", UriKind.Relative), SecureNode.Json(
            $$"""{"name": "Lobby", "streams": [{"name": "main", "url": "rtsp://10.0.0.5/s1", "username": "admin", "password": "{{SecondPassword}}"}]}""")));
        await Send(admin.PostAsync(new Uri("/api/v1/cameras", UriKind.Relative), SecureNode.Json(CameraEndpointsTests.Camera("bad", url: $"http://admin:{CameraPassword}@10.0.0.5/s1"))));
        await Send(admin.GetAsync(new Uri("/api/v1/cameras", UriKind.Relative)));
        await Send(admin.GetAsync(new Uri("/api/v1/cameras/lobby/status", UriKind.Relative)));
        var created = JsonDocument.Parse(await Send(admin.PostAsync(new Uri("/api/v1/keys", UriKind.Relative), SecureNode.Json("""{"name": "n", "role": "viewer"}"""))));
        var viewerKey = created.RootElement.GetProperty("key").GetString()!;
        responses.RemoveAt(responses.Count - 2); // the one body that must hold the new key
        using var viewer = node.ClientWithKey(viewerKey);
        var token = JsonDocument.Parse(await Send(viewer.PostAsync(new Uri("/api/v1/cameras/lobby/token", UriKind.Relative), null)))
            .RootElement.GetProperty("token").GetString()!;
        responses.RemoveAt(responses.Count - 2); // the one body that must hold the token
        using var wrong = node.ClientWithKey(WrongKey);
        await Send(wrong.GetAsync(new Uri("/api/v1/cameras", UriKind.Relative)));
        await Send(node.Client.GetAsync(new Uri($"/lobby/_probe/live?token={token}", UriKind.Relative)));
        await Send(node.Client.GetAsync(new Uri($"/lobby2/_probe/live?token={token}", UriKind.Relative)));
        await Send(node.Client.GetAsync(new Uri($"/lobby/_probe/live?token={viewerKey}", UriKind.Relative)));
        await Send(node.Client.GetAsync(new Uri($"/lobby/_probe/live?token={WrongKey}", UriKind.Relative)));
        await Send(node.Client.GetAsync(new Uri($"/api/v1/cameras?token={token}", UriKind.Relative)));

        string[] secrets = [CameraPassword, SecondPassword, SecureNode.AdminKey, viewerKey, WrongKey, token];
        var logs = node.Logs.AllText;
        node.Logs.Entries.Should().Contain(e => e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && e.Level == Microsoft.Extensions.Logging.LogLevel.Debug,
            "the framework logs at Trace here, so the search below covers it");
        node.Logs.Entries.Should().Contain(e => e.EventId == SecurityEventIds.AuthenticationFailed);
        foreach (var secret in secrets)
        {
            logs.Should().NotContain(secret);
            responses.Should().NotContain(r => r.Contains(secret, StringComparison.Ordinal));
        }
    }
}
