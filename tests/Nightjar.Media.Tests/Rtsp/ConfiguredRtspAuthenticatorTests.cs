using System.Text;
using Nightjar.Media.Rtsp;

namespace Nightjar.Media.Tests.Rtsp;

public sealed class ConfiguredRtspAuthenticatorTests
{
    private readonly ConfiguredRtspAuthenticator _authenticator;

    public ConfiguredRtspAuthenticatorTests()
    {
        var options = new RtspAuthOptions();
        options.Users.Add(new RtspUser { Name = "viewer", Password = "v-pass", Permissions = RtspPermissions.Read });
        var simOnly = new RtspUser { Name = "sim", Password = "s-pass", Permissions = RtspPermissions.ReadPublish };
        simOnly.Paths.Add("sim/*");
        options.Users.Add(simOnly);
        _authenticator = new ConfiguredRtspAuthenticator(options);
    }

    [Theory]
    [InlineData("viewer", "v-pass", "cam", RtspAccess.Read, RtspAuthResult.Allowed)]
    [InlineData("viewer", "v-pass", "cam", RtspAccess.Publish, RtspAuthResult.Forbidden)]
    [InlineData("viewer", "wrong", "cam", RtspAccess.Read, RtspAuthResult.Unauthorized)]
    [InlineData("nobody", "v-pass", "cam", RtspAccess.Read, RtspAuthResult.Unauthorized)]
    [InlineData("sim", "s-pass", "sim/cam1", RtspAccess.Publish, RtspAuthResult.Allowed)]
    [InlineData("sim", "s-pass", "lobby", RtspAccess.Read, RtspAuthResult.Forbidden)]
    [InlineData(null, null, "cam", RtspAccess.Read, RtspAuthResult.Unauthorized)]
    public async Task Authenticate_UsersPermissionsAndPaths_Decide(string? user, string? password, string path, RtspAccess access, RtspAuthResult expected)
    {
        AuthorizationHeader.TryParse(
            user is null ? null : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")),
            "DESCRIBE",
            out var credentials);

        var result = await _authenticator.AuthenticateAsync(new RtspAuthRequest(path, access, "DESCRIBE", null, null, credentials), CancellationToken.None);

        result.Should().Be(expected);
    }

    [Fact]
    public async Task Authenticate_AnonymousRead_AllowedOnlyWhenConfigured()
    {
        var open = new ConfiguredRtspAuthenticator(new RtspAuthOptions { AllowAnonymousRead = true });

        var read = await open.AuthenticateAsync(new RtspAuthRequest("cam", RtspAccess.Read, "DESCRIBE", null, null, null), CancellationToken.None);
        var publish = await open.AuthenticateAsync(new RtspAuthRequest("cam", RtspAccess.Publish, "ANNOUNCE", null, null, null), CancellationToken.None);

        read.Should().Be(RtspAuthResult.Allowed);
        publish.Should().Be(RtspAuthResult.Unauthorized);
    }
}
