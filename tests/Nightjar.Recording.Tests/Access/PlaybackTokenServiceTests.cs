using System.Text;
using Nightjar.Recording.Access;
using Nightjar.Recording.Tests.Support;

namespace Nightjar.Recording.Tests.Access;

public sealed class PlaybackTokenServiceTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Issue_ThenValidate_GrantsThePathItWasIssuedFor()
    {
        var service = new PlaybackTokenService(Key, _clock);

        var token = service.Issue("lobby", Permissions.PlayLive | Permissions.PlayArchive, TimeSpan.FromMinutes(10));
        var result = service.Validate(token, "lobby", Permissions.PlayLive);

        result.IsValid.Should().BeTrue(result.Message);
        result.Grant.Should().Be(new PlaybackGrant("lobby", Permissions.PlayLive | Permissions.PlayArchive, _clock.GetUtcNow().AddMinutes(10)));
        service.Validate(token, "lobby/main", Permissions.PlayArchive).IsValid.Should().BeTrue();
        service.Validate(token, "/lobby/sub/c/12/0-188.ts", Permissions.PlayArchive).IsValid.Should().BeTrue();
        token.Should().MatchRegex("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}$", "tokens go into URLs unescaped");
    }

    [Theory]
    [InlineData("lobby", "lobby2")]
    [InlineData("lobby", "lobb")]
    [InlineData("lobby", "hall/lobby")]
    [InlineData("lobby", "")]
    [InlineData("lobby", "lobby//main")]
    [InlineData("lobby", "lobby/../hall")]
    [InlineData("lobby/main", "lobby")]
    [InlineData("lobby/main", "lobby/sub")]
    [InlineData("lobby/main", "lobby/main2")]
    public void Validate_OtherPath_IsWrongScope(string scope, string path)
    {
        var service = new PlaybackTokenService(Key, _clock);
        var token = service.Issue(scope, Permissions.PlayLive, TimeSpan.FromMinutes(10));

        service.Validate(token, path, Permissions.PlayLive).Failure.Should().Be(PlaybackTokenFailure.WrongScope);
    }

    [Fact]
    public void Validate_AfterExpiry_IsExpired()
    {
        var service = new PlaybackTokenService(Key, _clock);
        var token = service.Issue("lobby", Permissions.PlayLive, TimeSpan.FromMinutes(10));

        _clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        service.Validate(token, "lobby", Permissions.PlayLive).IsValid.Should().BeTrue();
        _clock.Advance(TimeSpan.FromSeconds(1));
        service.Validate(token, "lobby", Permissions.PlayLive).Failure.Should().Be(PlaybackTokenFailure.Expired);
    }

    [Fact]
    public void Validate_MissingPermission_IsInsufficient()
    {
        var service = new PlaybackTokenService(Key, _clock);
        var token = service.Issue("lobby", Permissions.PlayLive, TimeSpan.FromMinutes(10));

        service.Validate(token, "lobby", Permissions.Export).Failure.Should().Be(PlaybackTokenFailure.InsufficientPermissions);
        service.Validate(token, "lobby", Permissions.PlayLive | Permissions.PlayArchive).Failure.Should().Be(PlaybackTokenFailure.InsufficientPermissions);
    }

    [Fact]
    public void Validate_TamperedPayloadOrSignature_IsInvalidSignature()
    {
        var service = new PlaybackTokenService(Key, _clock);
        var token = service.Issue("lobby", Permissions.PlayLive, TimeSpan.FromMinutes(10));
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var forgedPayload = Convert.ToBase64String(Encoding.ASCII.GetBytes("1|lobby2|31|9999999999")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var forged = forgedPayload + token[dot..];
        var flippedSignature = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        var otherKey = new PlaybackTokenService(Enumerable.Repeat((byte)7, 32).ToArray(), _clock).Issue("lobby", Permissions.PlayLive, TimeSpan.FromMinutes(10));

        service.Validate(forged, "lobby2", Permissions.PlayLive).Failure.Should().Be(PlaybackTokenFailure.InvalidSignature);
        service.Read(flippedSignature).Failure.Should().BeOneOf(PlaybackTokenFailure.InvalidSignature, PlaybackTokenFailure.Malformed);
        service.Read(otherKey).Failure.Should().Be(PlaybackTokenFailure.InvalidSignature);
    }

    [Fact]
    public void Validate_EveryPrefixAndMutation_FailsCleanly()
    {
        var service = new PlaybackTokenService(Key, _clock);
        var token = service.Issue("lobby", Permissions.PlayLive, TimeSpan.FromMinutes(10));

        foreach (var prefix in Fuzz.Prefixes(token).SkipLast(1))
        {
            service.Validate(prefix, "lobby", Permissions.PlayLive).IsValid.Should().BeFalse();
        }

        for (var i = 0; i < token.Length; i++)
        {
            foreach (var c in "A_-.=+/ é")
            {
                if (token[i] != c)
                {
                    service.Read(token[..i] + c + token[(i + 1)..]).IsValid.Should().BeFalse();
                }
            }
        }
    }

    [Theory]
    [InlineData(null, PlaybackTokenFailure.Missing)]
    [InlineData("", PlaybackTokenFailure.Missing)]
    [InlineData("abc", PlaybackTokenFailure.Malformed)]
    [InlineData(".", PlaybackTokenFailure.Malformed)]
    [InlineData("a.b", PlaybackTokenFailure.Malformed)]
    [InlineData("a..AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", PlaybackTokenFailure.Malformed)]
    [InlineData("MXxsb2JieXwyfDk5OTk5OTk5OTk.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", PlaybackTokenFailure.InvalidSignature)]
    public void Read_Garbage_NamesTheFailure(string? token, PlaybackTokenFailure failure) =>
        new PlaybackTokenService(Key, _clock).Read(token).Failure.Should().Be(failure);

    [Fact]
    public void Issue_RefusesWhatATokenMustNotCarry()
    {
        var service = new PlaybackTokenService(Key, _clock);

        FluentActions.Invoking(() => service.Issue("api", Permissions.PlayLive, TimeSpan.FromMinutes(1))).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => service.Issue("lobby/Main", Permissions.PlayLive, TimeSpan.FromMinutes(1))).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => service.Issue("lobby/main/x", Permissions.PlayLive, TimeSpan.FromMinutes(1))).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => service.Issue("lobby", Permissions.ManageKeys, TimeSpan.FromMinutes(1))).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => service.Issue("lobby", Permissions.None, TimeSpan.FromMinutes(1))).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => service.Issue("lobby", Permissions.PlayLive, TimeSpan.Zero)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => service.Issue("lobby", Permissions.PlayLive, TimeSpan.FromHours(25))).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Constructor_ShortKey_Throws() =>
        FluentActions.Invoking(() => new PlaybackTokenService(new byte[31], _clock)).Should().Throw<ArgumentException>();

    [Fact]
    public void DeriveKey_IsStablePerClusterKeyAndWorksAcrossNodes()
    {
        var clusterKey = Encoding.UTF8.GetBytes("the-cluster-key");
        var nodeA = new PlaybackTokenService(PlaybackTokenService.DeriveKey(clusterKey), _clock);
        var nodeB = new PlaybackTokenService(PlaybackTokenService.DeriveKey(clusterKey), _clock);
        var otherCluster = new PlaybackTokenService(PlaybackTokenService.DeriveKey("another"u8), _clock);

        var token = nodeA.Issue("lobby", Permissions.PlayLive, TimeSpan.FromMinutes(5));

        nodeB.Validate(token, "lobby", Permissions.PlayLive).IsValid.Should().BeTrue();
        otherCluster.Read(token).Failure.Should().Be(PlaybackTokenFailure.InvalidSignature);
        PlaybackTokenService.DeriveKey(clusterKey).Should().HaveCount(32).And.NotEqual(clusterKey.Take(32));
    }

    [Fact]
    public async Task Read_RandomInput_NeverThrowsOrAccepts()
    {
        var service = new PlaybackTokenService(Key, _clock);
        var token = service.Issue("lobby", Permissions.PlayLive, TimeSpan.FromMinutes(10));
        await Fuzz.WithinDeadlineAsync(() =>
        {
            foreach (var text in Fuzz.Strings(seed: 12, count: 10_000, alphabet: token, maxLength: 120))
            {
                var result = service.Read(text);
                result.IsValid.Should().Be(text == token);
                result.Message.Should().NotBeNullOrEmpty();
            }
        });
    }
}
