using System.Runtime.Versioning;
using System.Text;
using Nightjar.Actors.Persistence;
using Nightjar.Persistence;
using Nightjar.Recording.Access;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Cameras.Api;
using Nightjar.Recording.Events;
using Nightjar.Server.Security;
using Nightjar.Server.Tests.Api;
using Nightjar.Server.Tests.Security.Support;
using Nightjar.Server.Tests.Support;

namespace Nightjar.Server.Tests.Security;

/// <summary>Secrets at rest: camera passwords encrypted with a key ring in the data directory, the playback token key, across restarts.</summary>
public sealed class DataProtectionTests
{
    private const string Password = "At-Rest-Secret-77";

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task CameraPassword_IsStoredEncryptedAndReadableAfterARestart()
    {
        using var data = new TempDirectory();
        var definition = CameraRequestValidator.ParseCreate(
            Encoding.UTF8.GetBytes(CameraEndpointsTests.Camera("vault", url: $"rtsp://admin:{Password}@10.0.0.9/s1"))).GetValueOrThrow();
        string ciphertext;
        await using (var first = await SecureNode.StartAsync(new SecureNodeOptions { Data = data }))
        {
            var added = CameraAdded.Create(definition, first.Services.GetRequiredService<ISecretProtector>());
            ciphertext = added.Camera.Streams[0].Credentials!.Password;
            await first.Services.GetRequiredService<IEventJournal>().AppendAsync("test-vault", 0, [new EventToPersist(added, [])], CancellationToken.None);
        }

        var database = await File.ReadAllBytesAsync(Path.Combine(data.Path, EventJournalOptions.SqliteFileName));
        Encoding.UTF8.GetString(database).Should().NotContain(Password).And.Contain(ciphertext[..20]);
        var keyRing = Path.Combine(data.Path, SecurityDirectories.KeyRingDirectoryName);
        Directory.GetFiles(keyRing, "key-*.xml").Should().NotBeEmpty();
        File.GetUnixFileMode(keyRing).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        await using var second = await SecureNode.StartAsync(new SecureNodeOptions { Data = data });
        var stored = await second.Services.GetRequiredService<IEventJournal>()
            .ReadEventsAsync("test-vault", 1, long.MaxValue, CancellationToken.None).SingleAsync();
        var camera = ((CameraAdded)stored.Payload).Camera;

        camera.Streams[0].Credentials!.IsProtected.Should().BeTrue();
        camera.UnprotectCredentials(second.Services.GetRequiredService<ISecretProtector>()).Streams[0].Credentials!.Password.Should().Be(Password);
    }

    [Fact]
    public async Task AnotherKeyRing_CannotReadTheSecret()
    {
        await using var first = await SecureNode.StartAsync();
        await using var stranger = await SecureNode.StartAsync();
        var ciphertext = first.Services.GetRequiredService<ISecretProtector>().Protect(Password);

        var read = () => stranger.Services.GetRequiredService<ISecretProtector>().Unprotect(ciphertext);

        read.Should().Throw<System.Security.Cryptography.CryptographicException>();
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task PlaybackTokenKey_IsAnOwnerOnlyFileAndTokensSurviveARestart()
    {
        using var data = new TempDirectory();
        string token;
        await using (var first = await SecureNode.StartAsync(new SecureNodeOptions { Data = data }))
        {
            token = first.Services.GetRequiredService<PlaybackTokenService>().Issue("lobby", Permissions.PlayLive, TimeSpan.FromMinutes(5));
            first.Services.GetRequiredService<PlaybackTokenKey>().Origin.Should().Be(PlaybackTokenKeyOrigin.CreatedKeyFile);
        }

        var file = Path.Combine(data.Path, PlaybackTokenKey.FileName);
        File.GetUnixFileMode(file).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);

        await using var second = await SecureNode.StartAsync(new SecureNodeOptions { Data = data });
        second.Services.GetRequiredService<PlaybackTokenKey>().Origin.Should().Be(PlaybackTokenKeyOrigin.KeyFile);
        second.Services.GetRequiredService<PlaybackTokenService>().Validate(token, "lobby", Permissions.PlayLive).IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task ClusterKey_LetsEveryNodeValidateEveryNodesTokensWithoutAKeyFile()
    {
        var cluster = new Dictionary<string, string?> { ["Cluster:Key"] = "site-cluster-key-0123456789" };
        await using var first = await SecureNode.StartAsync(new SecureNodeOptions { Settings = cluster });
        await using var second = await SecureNode.StartAsync(new SecureNodeOptions { Settings = cluster });
        await using var stranger = await SecureNode.StartAsync();

        var token = first.Services.GetRequiredService<PlaybackTokenService>().Issue("lobby", Permissions.PlayLive, TimeSpan.FromMinutes(5));

        second.Services.GetRequiredService<PlaybackTokenService>().Validate(token, "lobby", Permissions.PlayLive).IsValid.Should().BeTrue();
        stranger.Services.GetRequiredService<PlaybackTokenService>().Validate(token, "lobby", Permissions.PlayLive).Failure.Should().Be(PlaybackTokenFailure.InvalidSignature);
        File.Exists(Path.Combine(first.Data.Path, PlaybackTokenKey.FileName)).Should().BeFalse();
    }

    [Fact]
    public async Task CorruptTokenKeyFile_StopsTheStartNamingTheFile()
    {
        using var data = new TempDirectory();
        data.File(PlaybackTokenKey.FileName, "not a key");

        var start = async () => await SecureNode.StartAsync(new SecureNodeOptions { Data = data });

        (await start.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain(PlaybackTokenKey.FileName);
    }
}
