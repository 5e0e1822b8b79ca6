using Nightjar.Media.Ffmpeg;

namespace Nightjar.Media.Tests.Ffmpeg;

public sealed class TeeEscapingTests
{
    [Fact]
    public void Slave_NestedOptionList_GetsTwoLevelsOfBackslashes()
    {
        var nested = TeeEscaping.Dictionary([new("flush_packets", "1"), new("mpegts_flags", "+initial_discontinuity")]);

        var slave = TeeEscaping.Slave([new("f", "segment"), new("segment_format_options", nested)], "/x/%s.ts");

        // media.md E14: these are the literal characters ffmpeg needs.
        slave.Should().Be(@"[f=segment:segment_format_options=flush_packets\\=1\\:mpegts_flags\\=+initial_discontinuity]/x/%s.ts");
    }

    [Fact]
    public void Slave_QuotesAndBackslashes_AreEscaped()
    {
        TeeEscaping.Slave([new("k", @"a'b\c")], "/p'|q").Should().Be(@"[k=a\\\'b\\\\c]/p\'\|q");
    }

    [Fact]
    public void Slave_ClosingBracketInAnOption_Throws()
    {
        var act = () => TeeEscaping.Slave([new("segment_list", "/a]b")], "/x.ts");

        act.Should().Throw<ArgumentException>();
    }
}
