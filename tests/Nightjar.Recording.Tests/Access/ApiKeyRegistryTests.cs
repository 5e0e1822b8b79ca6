using Nightjar.Recording.Access;
using Nightjar.Recording.Events;
using Nightjar.Recording.Tests.Support;

namespace Nightjar.Recording.Tests.Access;

public sealed class ApiKeyRegistryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void PrepareCreate_ThenApply_VerifiesTheKeyAndGivesItsRole()
    {
        var registry = ApiKeyRegistry.Empty;

        var created = registry.PrepareCreate("ci", "viewer", Now).GetValueOrThrow();
        registry.Version.Should().Be(0, "preparing changes nothing");
        var after = registry.Apply(created.Event);

        after.Version.Should().Be(1);
        after.IsEmpty.Should().BeFalse();
        after.Verify(created.Key).Should().Be(new ApiKeyRecord(created.Id, "ci", Role.Viewer, created.Event.SecretHash, Now, null));
        registry.Verify(created.Key).Should().BeNull("the original snapshot is immutable");
    }

    [Fact]
    public void Verify_WrongSecretUnknownIdOrGarbage_IsNull()
    {
        var created = ApiKeyRegistry.Empty.PrepareCreate("ci", "admin", Now).GetValueOrThrow();
        var registry = ApiKeyRegistry.Empty.Apply(created.Event);
        var (_, otherKey) = ApiKeys.Generate();
        var sameIdOtherSecret = created.Key[..20] + otherKey[20..];

        registry.Verify(sameIdOtherSecret).Should().BeNull();
        registry.Verify(otherKey).Should().BeNull();
        registry.Verify(null).Should().BeNull();
        registry.Verify(string.Empty).Should().BeNull();
        registry.Verify("Bearer " + created.Key).Should().BeNull();
        registry.Verify(created.Key + " ").Should().BeNull();
    }

    [Fact]
    public void Revoke_StopsTheKeyForGood()
    {
        var admin = ApiKeyRegistry.Empty.PrepareCreate("admin", "admin", Now).GetValueOrThrow();
        var ci = ApiKeyRegistry.Empty.PrepareCreate("ci", "operator", Now).GetValueOrThrow();
        var registry = ApiKeyRegistry.Empty.Apply(admin.Event).Apply(ci.Event);

        var revoked = registry.PrepareRevoke(ci.Id, Now.AddHours(1)).GetValueOrThrow();
        var after = registry.Apply(revoked);

        after.Verify(ci.Key).Should().BeNull();
        after.Find(ci.Id)!.RevokedAt.Should().Be(Now.AddHours(1));
        after.Verify(admin.Key).Should().NotBeNull();
        after.PrepareRevoke(ci.Id, Now).Errors.Should().ContainSingle().Which.Message.Should().Contain("already revoked");
        after.Keys.Should().HaveCount(2, "revoked keys stay listed");
    }

    [Fact]
    public void PrepareRevoke_UnknownOrLastAdmin_IsRefused()
    {
        var admin = ApiKeyRegistry.Empty.PrepareCreate("admin", "admin", Now).GetValueOrThrow();
        var registry = ApiKeyRegistry.Empty.Apply(admin.Event);

        registry.PrepareRevoke("0000000000000000", Now).Errors.Should().ContainSingle().Which.Message.Should().Be("is not a known key");
        registry.PrepareRevoke(admin.Id, Now).Errors.Should().ContainSingle().Which.Message.Should().Contain("last active admin key");

        var second = registry.PrepareCreate("admin 2", "admin", Now).GetValueOrThrow();
        registry.Apply(second.Event).PrepareRevoke(admin.Id, Now).IsValid.Should().BeTrue();
    }

    [Theory]
    [InlineData(null, "viewer", "name")]
    [InlineData("   ", "viewer", "name")]
    [InlineData("ci", null, "role")]
    [InlineData("ci", "root", "role")]
    [InlineData("ci", "Admin", "role")]
    public void PrepareCreate_Invalid_NamesTheField(string? name, string? role, string field) =>
        ApiKeyRegistry.Empty.PrepareCreate(name, role, Now).Errors.Should().ContainSingle().Which.Field.Should().Be(field);

    [Fact]
    public void PrepareCreate_LongOrControlName_IsRefused()
    {
        ApiKeyRegistry.Empty.PrepareCreate(new string('n', 101), "viewer", Now).IsValid.Should().BeFalse();
        ApiKeyRegistry.Empty.PrepareCreate("a\nb", "viewer", Now).IsValid.Should().BeFalse();
        ApiKeyRegistry.Empty.PrepareCreate(" ci ", "viewer", Now).GetValueOrThrow().Event.Name.Should().Be("ci");
    }

    [Fact]
    public void Apply_IsIdempotentAndIgnoresOtherEvents()
    {
        var created = ApiKeyRegistry.Empty.PrepareCreate("ci", "viewer", Now).GetValueOrThrow();
        var registry = ApiKeyRegistry.Empty.ApplyAll([created.Event, created.Event]);

        registry.Version.Should().Be(1);
        registry.Apply(new ApiKeyRevoked("ffffffffffffffff", Now)).Should().BeSameAs(registry);
        registry.Apply(new CameraRemoved(new("lobby"))).Should().BeSameAs(registry);
        var revoked = registry.Apply(new ApiKeyRevoked(created.Id, Now));
        revoked.Apply(new ApiKeyRevoked(created.Id, Now.AddDays(1))).Should().BeSameAs(revoked);
        revoked.Find(created.Id)!.RevokedAt.Should().Be(Now);
    }

    [Fact]
    public void SecretsStayOutOfToStringAndResponses()
    {
        var created = ApiKeyRegistry.Empty.PrepareCreate("ci", "viewer", Now).GetValueOrThrow();
        var record = ApiKeyRegistry.Empty.Apply(created.Event).Find(created.Id)!;
        var secret = created.Key[20..];

        created.ToString().Should().NotContain(secret).And.Contain(created.Id);
        created.Event.ToString().Should().NotContain(created.Event.SecretHash);
        record.ToString().Should().NotContain(record.SecretHash);
        System.Text.Json.JsonSerializer.Serialize(ApiKeyResponse.From(record)).Should()
            .NotContain(record.SecretHash).And.NotContain(secret).And.Contain("\"role\":\"viewer\"");
    }

    [Fact]
    public async Task Verify_RandomBearerValues_NeverThrow()
    {
        var created = ApiKeyRegistry.Empty.PrepareCreate("ci", "viewer", Now).GetValueOrThrow();
        var registry = ApiKeyRegistry.Empty.Apply(created.Event);
        await Fuzz.WithinDeadlineAsync(() =>
        {
            foreach (var text in Fuzz.Strings(seed: 11, count: 10_000, alphabet: created.Key, maxLength: 80).Concat(Fuzz.Prefixes(created.Key)))
            {
                if (registry.Verify(text) is not null)
                {
                    text.Should().Be(created.Key);
                }
            }
        });
    }
}
