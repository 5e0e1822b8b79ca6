using System.Text;
using Nightjar.Media.Ts;

namespace Nightjar.Media.Tests.Ts;

public sealed class Crc32Mpeg2Tests
{
    [Fact]
    public void Compute_StandardCheckInput_GivesTheCatalogueValue()
    {
        Crc32Mpeg2.Compute(Encoding.ASCII.GetBytes("123456789")).Should().Be(0x0376E6E7u);
    }

    [Fact]
    public void Compute_SectionIncludingItsOwnCrc_IsZero()
    {
        var data = Encoding.ASCII.GetBytes("a PSI section body");
        var crc = Crc32Mpeg2.Compute(data);
        byte[] whole = [.. data, (byte)(crc >> 24), (byte)(crc >> 16), (byte)(crc >> 8), (byte)crc];

        Crc32Mpeg2.Compute(whole).Should().Be(0u);
    }
}
