using Nightjar.Media.Ts;

namespace Nightjar.Media.Tests.Ts;

/// <summary>Hostile input: random, truncated, mutated and oversized. Only TsFormatException may escape, and nothing hangs.</summary>
public sealed class TsIndexerFuzzTests(TsClipFixture clips) : IClassFixture<TsClipFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Append_RandomBytes_OnlyEverThrowsTsFormatException()
    {
        await Bounded(() =>
        {
            var random = new Random(42);
            for (var i = 0; i < 300; i++)
            {
                var data = new byte[random.Next(0, 5000)];
                random.NextBytes(data);
                IndexOrFormatError(data, random);
            }
        });
    }

    [Fact]
    public async Task Append_RandomPacketsWithValidSync_NeverThrows()
    {
        await Bounded(() =>
        {
            var random = new Random(43);
            for (var i = 0; i < 200; i++)
            {
                var data = new byte[188 * random.Next(1, 60)];
                random.NextBytes(data);
                for (var p = 0; p < data.Length; p += 188)
                {
                    data[p] = 0x47;
                    if (random.Next(4) == 0)
                    {
                        data[p + 1] = (byte)(data[p + 1] & 0x40); // PID 0: random "PAT" sections
                        data[p + 2] = 0;
                    }
                }

                var index = Index(data, random);
                index.IndexedLength.Should().BeLessThanOrEqualTo(data.Length);
            }
        });
    }

    [Fact]
    public async Task Append_MutatedRealFile_NeverThrowsAndStaysWithinTheFile()
    {
        var original = await File.ReadAllBytesAsync(clips.WithAudio);
        await Bounded(() =>
        {
            var random = new Random(44);
            for (var i = 0; i < 60; i++)
            {
                var data = (byte[])original.Clone();
                for (var flips = random.Next(1, 200); flips > 0; flips--)
                {
                    data[random.Next(data.Length)] = (byte)random.Next(256);
                }

                var index = Index(data, random);
                index.AllGops.Should().OnlyContain(g => g.Offset >= 0 && g.End <= data.Length && g.Length > 0);
            }
        });
    }

    [Fact]
    public async Task Append_TruncatedRealFile_NeverThrowsAndNeverFindsMoreGops()
    {
        var original = await File.ReadAllBytesAsync(clips.H264);
        var full = TsIndexer.IndexFile(clips.H264).Gops.Count;
        await Bounded(() =>
        {
            var random = new Random(45);
            for (var i = 0; i < 80; i++)
            {
                var length = random.Next(original.Length);
                var index = Index(original.AsSpan(0, length).ToArray(), random);
                index.Gops.Count.Should().BeLessThanOrEqualTo(full);
                (index.IndexedLength % 188).Should().Be(0);
            }
        });
    }

    [Fact]
    public async Task Append_OversizedNonTsInput_FailsFastWithTsFormatException()
    {
        await Bounded(() =>
        {
            var indexer = new TsIndexer();
            var block = new byte[1 << 20];
            Array.Fill(block, (byte)0x20);
            var act = () =>
            {
                for (var i = 0; i < 64; i++)
                {
                    indexer.Append(block); // 64 MiB offered; the sync search gives up after 64 KiB
                }
            };

            act.Should().Throw<TsFormatException>();
        });
    }

    [Fact]
    public async Task Append_OversizedTsOfNullPackets_IndexesNothingWithoutHanging()
    {
        await Bounded(() =>
        {
            var packet = new byte[188];
            packet[0] = 0x47;
            packet[1] = 0x1F;
            packet[2] = 0xFF; // PID 0x1FFF: null packets
            packet[3] = 0x10;
            var block = new byte[188 * 5000];
            for (var p = 0; p < block.Length; p += 188)
            {
                packet.CopyTo(block, p);
            }

            var indexer = new TsIndexer();
            for (var i = 0; i < 60; i++)
            {
                indexer.Append(block); // ~56 MB
            }

            var index = indexer.Complete();
            index.Gops.Should().BeEmpty();
            index.IndexedLength.Should().Be(block.Length * 60L);
        });
    }

    private static TsFileIndex Index(byte[] data, Random random)
    {
        var indexer = new TsIndexer();
        var position = 0;
        while (position < data.Length)
        {
            var piece = Math.Min(data.Length - position, random.Next(1, 1500));
            indexer.Append(data.AsSpan(position, piece));
            position += piece;
            if (random.Next(10) == 0)
            {
                indexer.Snapshot();
            }
        }

        return indexer.Complete();
    }

    private static void IndexOrFormatError(byte[] data, Random random)
    {
        try
        {
            Index(data, random);
        }
        catch (TsFormatException)
        {
            // the only acceptable failure
        }
    }

    private static Task Bounded(Action body) => Task.Run(body).WaitAsync(Deadline);
}
