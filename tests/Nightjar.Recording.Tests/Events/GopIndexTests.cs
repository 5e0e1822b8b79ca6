using System.Text.Json;
using Nightjar.Recording.Events;
using Nightjar.Recording.Tests.Support;

namespace Nightjar.Recording.Tests.Events;

public sealed class GopIndexTests
{
    // 60 s of 2 s GOPs at 1 Mbit/s, 90 kHz clock.
    private static readonly GopIndex Sample = GopIndex.Create(Enumerable.Range(0, 30).Select(i => new GopEntry((i * 250_000L) + 376, i * 180_000L)), 30 * 180_000L);

    [Fact]
    public void Encode_ThenDecode_RoundTripsCompactly()
    {
        var text = Sample.Encode();

        GopIndex.TryDecode(text, out var back, out var error).Should().BeTrue(error);
        back.Should().Be(Sample);
        back!.GetHashCode().Should().Be(Sample.GetHashCode());
        var naive = JsonSerializer.Serialize(Sample.Entries);
        text.Length.Should().BeLessThanOrEqualTo(256, "30 GOPs of a 60 s segment must stay small in every event");
        text.Length.Should().BeLessThan(naive.Length / 4);
    }

    [Fact]
    public void Empty_RoundTrips()
    {
        GopIndex.TryDecode(GopIndex.Empty.Encode(), out var back, out _).Should().BeTrue();
        back.Should().Be(GopIndex.Empty);
    }

    [Fact]
    public void Json_IsOneString()
    {
        var json = JsonSerializer.Serialize(Sample);

        json.Should().StartWith("\"").And.EndWith("\"");
        JsonSerializer.Deserialize<GopIndex>(json).Should().Be(Sample);
        FluentActions.Invoking(() => JsonSerializer.Deserialize<GopIndex>("[1,2]")).Should().Throw<JsonException>();
        FluentActions.Invoking(() => JsonSerializer.Deserialize<GopIndex>("\"!!\"")).Should().Throw<JsonException>();
    }

    [Theory]
    [InlineData(new long[] { 0, 0, 0, 1 }, 10)]
    [InlineData(new long[] { 10, 0, 5, 1 }, 10)]
    [InlineData(new long[] { 0, 10, 5, 5 }, 10)]
    [InlineData(new long[] { -1, 0 }, 10)]
    [InlineData(new long[] { 0, -1 }, 10)]
    [InlineData(new long[] { 0, 0, 100, 20 }, 19)]
    [InlineData(new long[] { }, -1)]
    public void Create_OutOfOrderNegativeOrEndingEarly_Throws(long[] pairs, long clockDuration)
    {
        var entries = pairs.Chunk(2).Select(p => new GopEntry(p[0], p[1]));

        FluentActions.Invoking(() => GopIndex.Create(entries, clockDuration)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Create_EqualTimes_AreAllowed() =>
        GopIndex.Create([new GopEntry(0, 0), new GopEntry(100, 0)], 0).Count.Should().Be(2);

    [Fact]
    public void Chunks_GiveByteRangesAndDurations()
    {
        var index = GopIndex.Create([new GopEntry(0, 0), new GopEntry(1_000, 180_000), new GopEntry(2_500, 360_000)], 450_000);

        var chunks = index.Chunks(fileBytes: 3_000).ToList();

        chunks.Should().Equal(
            new GopChunk(0, 1_000, 0, 180_000),
            new GopChunk(1_000, 1_500, 180_000, 180_000),
            new GopChunk(2_500, 500, 360_000, 90_000));
        chunks[1].Start.Should().Be(TimeSpan.FromSeconds(2));
        chunks[2].Duration.Should().Be(TimeSpan.FromSeconds(1));
        index.Duration.Should().Be(TimeSpan.FromSeconds(5));
        FluentActions.Invoking(() => index.Chunks(2_500)).Should().Throw<ArgumentException>();
        GopIndex.Empty.Chunks(0).Should().BeEmpty();
    }

    [Fact]
    public void Equality_IncludesTheDuration() =>
        GopIndex.Create([new GopEntry(0, 0)], 10).Should().NotBe(GopIndex.Create([new GopEntry(0, 0)], 11));

    [Fact]
    public void TryDecode_Truncations_FailCleanly()
    {
        var text = Sample.Encode();

        foreach (var prefix in Fuzz.Prefixes(text).SkipLast(1))
        {
            if (GopIndex.TryDecode(prefix, out var index, out var error))
            {
                index.Should().NotBe(Sample);
            }
            else
            {
                error.Should().NotBeNullOrEmpty();
            }
        }
    }

    [Fact]
    public async Task TryDecode_RandomInput_NeverThrows()
    {
        await Fuzz.WithinDeadlineAsync(() =>
        {
            var random = new Random(13);
            var inputs = Fuzz.Strings(seed: 13, count: 10_000, alphabet: "ABCDEFabcdef0189-_", maxLength: 60).ToList();
            for (var i = 0; i < 5_000; i++)
            {
                var bytes = new byte[random.Next(1, 64)];
                random.NextBytes(bytes);
                bytes[0] = 1;
                inputs.Add(System.Buffers.Text.Base64Url.EncodeToString(bytes));
            }

            // Claims 65536 entries in a handful of bytes: must fail without allocating for the claim.
            inputs.Add(System.Buffers.Text.Base64Url.EncodeToString([1, 0x80, 0x80, 0x04]));
            inputs.Add(System.Buffers.Text.Base64Url.EncodeToString([1, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]));
            foreach (var text in inputs)
            {
                if (!GopIndex.TryDecode(text, out var index, out var error))
                {
                    error.Should().NotBeNullOrEmpty();
                    continue;
                }

                GopIndex.TryDecode(index.Encode(), out var again, out _).Should().BeTrue();
                again.Should().Be(index);
            }
        });
    }
}
