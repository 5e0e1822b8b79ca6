using Nightjar.Recording.Protection;

namespace Nightjar.Recording.Tests.Protection;

public sealed class LockIdsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void New_Always_Is26CrockfordCharactersAndValid()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => LockIds.New(T0)).ToList();

        ids.Should().OnlyHaveUniqueItems();
        ids.Should().AllSatisfy(id =>
        {
            id.Should().HaveLength(26).And.MatchRegex("^[0-9A-HJKMNP-TV-Z]{26}$");
            LockIds.IsValid(id).Should().BeTrue();
        });
    }

    [Fact]
    public void New_LaterTime_SortsAfter()
    {
        var earlier = LockIds.New(T0);
        var later = LockIds.New(T0.AddMilliseconds(1));

        string.CompareOrdinal(earlier, later).Should().BeNegative();
        earlier[..10].Should().Be(LockIds.New(T0)[..10], "the first 10 characters are the time");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FA")]
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FAVX")]
    [InlineData("01arz3ndektsv4rrffq69g5fav")]
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FAI")]
    [InlineData("81ARZ3NDEKTSV4RRFFQ69G5FAV")]
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FA/")]
    public void IsValid_NotALockId_IsFalse(string? text) => LockIds.IsValid(text).Should().BeFalse();
}
