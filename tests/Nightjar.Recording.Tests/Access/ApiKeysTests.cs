using Nightjar.Recording.Access;
using Nightjar.Recording.Tests.Support;

namespace Nightjar.Recording.Tests.Access;

public sealed class ApiKeysTests
{
    [Fact]
    public void Generate_GivesPrefixedKeysWithTheirIdInside()
    {
        var (id, key) = ApiKeys.Generate();

        key.Should().MatchRegex("^nj_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$");
        key.Should().HaveLength(ApiKeys.GeneratedLength);
        key.Substring(3, 16).Should().Be(id);
        ApiKeys.TryGetId(key, out var parsedId).Should().BeTrue();
        parsedId.Should().Be(id);
    }

    [Fact]
    public void Generate_IsRandomAndAvoidsTakenIds()
    {
        var keys = Enumerable.Range(0, 200).Select(_ => ApiKeys.Generate()).ToList();
        keys.Select(k => k.Key).Should().OnlyHaveUniqueItems();
        keys.Select(k => k.Id).Should().OnlyHaveUniqueItems();

        var refused = new List<string>();
        var (id, _) = ApiKeys.Generate(candidate =>
        {
            refused.Add(candidate);
            return refused.Count < 3;
        });

        refused.Should().HaveCount(3);
        id.Should().Be(refused[^1]);
    }

    [Fact]
    public void Hash_ThenMatches_OnlyForTheSameKey()
    {
        var (_, key) = ApiKeys.Generate();
        var hash = ApiKeys.Hash(key);

        hash.Should().NotContain(key[20..]);
        ApiKeys.Matches(key, hash).Should().BeTrue();
        ApiKeys.Matches(key[..^1] + (key[^1] == 'A' ? 'B' : 'A'), hash).Should().BeFalse();
        ApiKeys.Matches(key, "not-a-hash").Should().BeFalse();
        ApiKeys.Matches(key, string.Empty).Should().BeFalse();
    }

    [Fact]
    public void TryGetId_OtherFormats_DeriveAStableId()
    {
        ApiKeys.TryGetId("a-long-operator-chosen-secret", out var first).Should().BeTrue();
        ApiKeys.TryGetId("a-long-operator-chosen-secret", out var second).Should().BeTrue();
        ApiKeys.TryGetId("a-long-operator-chosen-secreT", out var other).Should().BeTrue();

        first.Should().Be(second).And.MatchRegex("^[0-9a-f]{16}$");
        other.Should().NotBe(first);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("fifteen-chars15")]
    [InlineData("has a space in the middle")]
    [InlineData("non-ascii-é-key-long-enough")]
    public void TryGetId_NonKeys_Fail(string? value) => ApiKeys.TryGetId(value, out _).Should().BeFalse();

    [Fact]
    public void TryGetId_TooLong_Fails() => ApiKeys.TryGetId(new string('k', ApiKeys.MaxKeyLength + 1), out _).Should().BeFalse();

    [Fact]
    public async Task TryGetId_RandomInput_NeverThrows()
    {
        var (_, key) = ApiKeys.Generate();
        await Fuzz.WithinDeadlineAsync(() =>
        {
            foreach (var text in Fuzz.Strings(seed: 10, count: 10_000, alphabet: key, maxLength: 70).Concat(Fuzz.Prefixes(key)))
            {
                if (ApiKeys.TryGetId(text, out var id))
                {
                    id.Should().MatchRegex("^[0-9a-f]{16}$");
                }
            }
        });
    }
}
