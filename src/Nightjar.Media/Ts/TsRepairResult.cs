namespace Nightjar.Media.Ts;

/// <summary>What <see cref="TsRepair.TruncateToWholePackets"/> did to a file and what it holds now.</summary>
/// <param name="Path">The repaired file.</param>
/// <param name="OriginalLength">Length before the repair.</param>
/// <param name="RepairedLength">Length after the repair (a whole number of packets from the sync start).</param>
/// <param name="Index">The completed index of the repaired file.</param>
public sealed record TsRepairResult(string Path, long OriginalLength, long RepairedLength, TsFileIndex Index)
{
    /// <summary>Bytes cut off the end.</summary>
    public long TruncatedBytes => OriginalLength - RepairedLength;
}
