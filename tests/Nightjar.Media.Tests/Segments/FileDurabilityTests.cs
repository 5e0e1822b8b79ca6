using Nightjar.Media.Segments;

namespace Nightjar.Media.Tests.Segments;

public sealed class FileDurabilityTests : IDisposable
{
    private readonly TempDirectory _temp = new("nj-fsync");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void FlushFileAndDirectory_ExistingFile_Succeeds()
    {
        var path = _temp.Combine("segment.ts");
        File.WriteAllBytes(path, new byte[188 * 4]);

        var act = () => FileDurability.FlushFileAndDirectory(path);

        act.Should().NotThrow();
        File.ReadAllBytes(path).Should().HaveCount(188 * 4);
    }

    [Fact]
    public void FlushDirectory_MissingDirectory_ThrowsIOException()
    {
        var act = () => FileDurability.FlushDirectory(_temp.Combine("missing"));

        act.Should().Throw<IOException>().WithMessage("*missing*");
    }

    [Fact]
    public void FlushDirectory_PathIsAFile_ThrowsIOException()
    {
        var path = _temp.Combine("file");
        File.WriteAllText(path, "x");

        var act = () => FileDurability.FlushDirectory(path);

        act.Should().Throw<IOException>();
    }

    [Fact]
    public void FlushFile_MissingFile_Throws()
    {
        var act = () => FileDurability.FlushFile(_temp.Combine("nope.ts"));

        act.Should().Throw<FileNotFoundException>();
    }

    [Fact]
    public void CreateDirectoryDurably_MissingChain_CreatesEveryLevel()
    {
        var path = _temp.Combine("lobby", "main", "2026", "11", "21", "run");

        FileDurability.CreateDirectoryDurably(path);

        Directory.Exists(path).Should().BeTrue();
    }
}
