using Nightjar.Media.Tests.TestCameras;
using Nightjar.Media.Ts;
using Nightjar.Recording.Runtime.Ingest;
using Nightjar.Recording.Tests.Runtime.Support;

namespace Nightjar.Recording.Tests.Runtime.Ingest;

public sealed class SegmentRepairTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new("nj-repair");
    private byte[] _clip = [];

    public async Task InitializeAsync() => _clip = await File.ReadAllBytesAsync(await TsClip.CreateAsync(_temp.Combine("clip.ts"), 2));

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Repair_IntactFile_LeavesItAsItIs()
    {
        var path = await WriteAsync(_clip);

        var result = SegmentRepair.Repair(path);

        result.RepairedLength.Should().Be(_clip.Length);
        (await File.ReadAllBytesAsync(path)).Should().Equal(_clip);
    }

    public static TheoryData<string, int> Damage => new()
    {
        { "a torn packet", 100 },
        { "zero blocks", 4096 },
        { "garbage without sync bytes", 1000 },
    };

    [Theory]
    [MemberData(nameof(Damage))]
    public async Task Repair_TrailingDamage_IsCutToTheLastWholePacket_AndTheRestIsIndexed(string damage, int bytes)
    {
        var tail = damage switch
        {
            "a torn packet" => _clip.AsSpan(0, bytes).ToArray(),
            "zero blocks" => new byte[bytes],
            _ => Enumerable.Repeat((byte)'x', bytes).ToArray(),
        };
        var path = await WriteAsync([.. _clip, .. tail]);

        var result = SegmentRepair.Repair(path);

        result.RepairedLength.Should().Be(_clip.Length, damage);
        new FileInfo(path).Length.Should().Be(_clip.Length);
        result.Index.AllGops.Should().HaveCount(2);
        result.Index.AllGops[^1].End.Should().Be(_clip.Length);
    }

    [Fact]
    public async Task Repair_NotTs_ThrowsAndChangesNothing()
    {
        var garbage = Enumerable.Repeat((byte)'x', 100_000).ToArray();
        var path = await WriteAsync(garbage);

        FluentActions.Invoking(() => SegmentRepair.Repair(path)).Should().Throw<TsFormatException>();
        new FileInfo(path).Length.Should().Be(garbage.Length);
    }

    private async Task<string> WriteAsync(byte[] bytes)
    {
        var path = _temp.Combine(Guid.NewGuid().ToString("N") + ".ts");
        await File.WriteAllBytesAsync(path, bytes);
        return path;
    }
}
