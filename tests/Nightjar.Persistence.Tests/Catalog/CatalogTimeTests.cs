using Nightjar.Persistence.Catalog;

namespace Nightjar.Persistence.Tests.Catalog;

public sealed class CatalogTimeTests
{
    [Fact]
    public void ToMicroseconds_DropsSubMicrosecondTicksTowardThePast()
    {
        var time = new DateTimeOffset(2026, 11, 21, 10, 20, 30, TimeSpan.Zero).AddTicks(1_234_567);

        CatalogTime.ToMicroseconds(time).Should().Be((time.ToUnixTimeMilliseconds() * 1000) + 456);
        CatalogTime.FromMicroseconds(CatalogTime.ToMicroseconds(time)).Should().Be(time.AddTicks(-7));
        CatalogTime.ToMicroseconds(DateTimeOffset.UnixEpoch.AddTicks(-1)).Should().Be(-1, "floor, not truncation toward zero, before 1970");
        CatalogTime.ToMicroseconds(DateTimeOffset.UnixEpoch.AddTicks(-10)).Should().Be(-1);
    }

    [Fact]
    public void FromMicroseconds_IsUtcWhateverTheInputOffset()
    {
        var local = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.FromHours(2));

        var back = CatalogTime.FromMicroseconds(CatalogTime.ToMicroseconds(local));

        back.Should().Be(local);
        back.Offset.Should().Be(TimeSpan.Zero);
        back.Hour.Should().Be(10);
    }

    [Fact]
    public void ToMicroseconds_ExtremeDates_DoNotOverflow()
    {
        CatalogTime.FromMicroseconds(CatalogTime.ToMicroseconds(DateTimeOffset.MinValue)).Should().Be(DateTimeOffset.MinValue);
        CatalogTime.FromMicroseconds(CatalogTime.ToMicroseconds(DateTimeOffset.MaxValue)).Should().Be(DateTimeOffset.MaxValue.AddTicks(-9));
    }
}
