using Nightjar.Recording.Retention;

namespace Nightjar.Recording.Tests.Retention.Support;

/// <summary>A simulated disk: the test says what it holds.</summary>
internal sealed class FakeStorageSpace(long totalBytes, Func<long> usedBytes) : IStorageSpaceProbe
{
    public long TotalBytes { get; set; } = totalBytes;

    public StorageSpace Probe(string path) => new(TotalBytes, Math.Max(0, TotalBytes - usedBytes()));
}
