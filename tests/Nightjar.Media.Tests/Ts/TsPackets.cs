namespace Nightjar.Media.Tests.Ts;

/// <summary>Reads packet headers in tests (independently of the indexer under test).</summary>
internal static class TsPackets
{
    public static int Pid(ReadOnlySpan<byte> packet) => ((packet[1] & 0x1F) << 8) | packet[2];

    public static bool UnitStart(ReadOnlySpan<byte> packet) => (packet[1] & 0x40) != 0;

    public static bool RandomAccess(ReadOnlySpan<byte> packet) =>
        (packet[3] & 0x20) != 0 && packet[4] > 0 && (packet[5] & 0x40) != 0;
}
