using System.Collections;
using Nightjar.Server.Configuration;

namespace Nightjar.Server.Tests.Configuration;

public sealed class RetentionOptionsTests
{
    [Fact]
    public void Load_NothingConfigured_UsesTheDocumentedDefaults()
    {
        var retention = Load().Retention;

        retention.PassInterval.Should().Be(TimeSpan.FromSeconds(60));
        retention.FreeSpaceCheckInterval.Should().Be(TimeSpan.FromSeconds(5));
        retention.MaxDeletionsPerPass.Should().Be(500);
        retention.MinFree.Should().Be("1GB");
        retention.GetMinFreeBytes().Should().Be(1_000_000_000);
        retention.MaxMotionLength.Should().Be(TimeSpan.FromHours(1));
    }

    [Fact]
    public void Load_EveryKey_IsBound()
    {
        var retention = Load(new()
        {
            ["Retention:PassIntervalSeconds"] = "5",
            ["Retention:FreeSpaceCheckIntervalSeconds"] = "2",
            ["Retention:MaxDeletionsPerPass"] = "50",
            ["Retention:MinFree"] = "8MiB",
            ["Retention:MaxMotionMinutes"] = "90",
        }).Retention;

        retention.PassInterval.Should().Be(TimeSpan.FromSeconds(5));
        retention.FreeSpaceCheckInterval.Should().Be(TimeSpan.FromSeconds(2));
        retention.MaxDeletionsPerPass.Should().Be(50);
        retention.GetMinFreeBytes().Should().Be(8L << 20);
        retention.MaxMotionLength.Should().Be(TimeSpan.FromMinutes(90));
    }

    [Theory]
    [InlineData("1.5GB", 1_500_000_000L)]
    [InlineData("500mb", 500_000_000L)]
    [InlineData("1B", 1L)]
    [InlineData("2TiB", 2L << 40)]
    public void Load_MinFreeSizes_AreReadAsBytes(string text, long bytes)
    {
        Load(new() { ["Retention:MinFree"] = text }).Retention.GetMinFreeBytes().Should().Be(bytes);
    }

    [Fact]
    public void Load_FromEnvironmentVariables_IsBoundLikeTheFile()
    {
        var environment = new Hashtable
        {
            ["NIGHTJAR__RETENTION__PASSINTERVALSECONDS"] = "7",
            ["NIGHTJAR__RETENTION__MINFREE"] = "64MB",
        };

        var retention = NightjarSettings.Load(NightjarConfiguration.Load(null, environment)).Retention;

        retention.PassIntervalSeconds.Should().Be(7);
        retention.GetMinFreeBytes().Should().Be(64_000_000);
    }

    [Theory]
    [InlineData("Retention:PassIntervalSeconds", "0", "Retention:PassIntervalSeconds: must be between 1 and 86400 (got 0)")]
    [InlineData("Retention:PassIntervalSeconds", "86401", "Retention:PassIntervalSeconds: must be between 1 and 86400 (got 86401)")]
    [InlineData("Retention:PassIntervalSeconds", "5s", "Retention:PassIntervalSeconds: must be a whole number (got '5s')")]
    [InlineData("Retention:FreeSpaceCheckIntervalSeconds", "0", "Retention:FreeSpaceCheckIntervalSeconds: must be between 1 and 3600 (got 0)")]
    [InlineData("Retention:MaxDeletionsPerPass", "0", "Retention:MaxDeletionsPerPass: must be between 1 and 100000 (got 0)")]
    [InlineData("Retention:MaxDeletionsPerPass", "100001", "Retention:MaxDeletionsPerPass: must be between 1 and 100000 (got 100001)")]
    [InlineData("Retention:MaxDeletionsPerPass", "-3", "Retention:MaxDeletionsPerPass: must be between 1 and 100000 (got -3)")]
    [InlineData("Retention:MaxDeletionsPerPass", "lots", "Retention:MaxDeletionsPerPass: must be a whole number (got 'lots')")]
    [InlineData("Retention:MaxMotionMinutes", "0", "Retention:MaxMotionMinutes: must be between 1 and 10080 (got 0)")]
    [InlineData("Retention:MaxMotionMinutes", "10081", "Retention:MaxMotionMinutes: must be between 1 and 10080 (got 10081)")]
    [InlineData("Retention:MinFree", "0GB", "Retention:MinFree: must be greater than zero (got '0GB')")]
    [InlineData("Retention:MinFree", "1024", "Retention:MinFree: has no unit; expected a size such as 100GB")]
    [InlineData("Retention:MinFree", "10%", "Retention:MinFree: has no unit")]
    [InlineData("Retention:MinFree", "-1GB", "Retention:MinFree: is not valid; expected a size")]
    [InlineData("Retention:MinFree", "1 GB", "Retention:MinFree: is not valid; expected a size")]
    [InlineData("Retention:MinFree", "99999999999999999999PB", "Retention:MinFree: is not valid")]
    [InlineData("Retention:MinFree", "", "Retention:MinFree: is empty")]
    [InlineData("Retention:PassInterval", "60", "Retention:PassInterval: is not a known setting (known in Retention: PassIntervalSeconds, FreeSpaceCheckIntervalSeconds, MaxDeletionsPerPass, MinFree, MaxMotionMinutes)")]
    [InlineData("Retention:MinFree:Bytes", "5", "Retention:MinFree: must be a single value, not a section")]
    public void Load_BadValue_NamesTheKeyAndWhatIsWrong(string key, string value, string expected)
    {
        var errors = LoadErrors(new() { [key] = value });

        errors.Should().ContainSingle().Which.Should().StartWith(expected);
    }

    [Fact]
    public void Load_LongOrControlCharacterMinFree_IsEchoedShortAndOnOneLine()
    {
        var errors = LoadErrors(new() { ["Retention:MinFree"] = "1\nGB" + new string('x', 500) });

        var error = errors.Should().ContainSingle().Subject;
        error.Should().StartWith("Retention:MinFree: is too long").And.NotContain("\n");
        error.Length.Should().BeLessThan(300);
    }

    [Fact]
    public void Load_SeveralBadRetentionValues_AreAllReportedAtOnce()
    {
        var errors = LoadErrors(new()
        {
            ["Retention:PassIntervalSeconds"] = "0",
            ["Retention:MaxDeletionsPerPass"] = "0",
            ["Retention:MinFree"] = "none",
        });

        errors.Should().HaveCount(3);
    }

    private static NightjarSettings Load(Dictionary<string, string?>? values = null) =>
        NightjarSettings.Load(NightjarConfiguration.Load(null, new Hashtable(), values));

    private static IReadOnlyList<string> LoadErrors(Dictionary<string, string?> values)
    {
        var load = () => Load(values);
        return [.. load.Should().Throw<ConfigurationException>().Which.Errors.Select(e => e.ToString())];
    }
}
