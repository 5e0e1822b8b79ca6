using Nightjar.Recording.Policies;
using Nightjar.Server.Configuration;
using Nightjar.Server.Retention;
using RetentionSection = Nightjar.Server.Configuration.RetentionOptions;

namespace Nightjar.Server.Tests.Retention;

public sealed class RetentionSettingsTests
{
    [Fact]
    public void ToRoots_ConfiguredRoots_AreNamedByIndexWithTheirLimitAndDepth()
    {
        var storage = new StorageOptions
        {
            Roots =
            [
                new StorageRootOptions { Path = "/mnt/disk1", Limit = "50% 7d" },
                new StorageRootOptions { Path = "/mnt/disk2/", Limit = "500GB" },
                new StorageRootOptions { Path = "/mnt/disk3", Limit = "2TiB 36h" },
            ],
        };

        var roots = RetentionSettings.ToRoots(storage, new DataOptions());

        roots.Select(r => r.Name).Should().Equal("0", "1", "2");
        roots[0].Path.Should().Be("/mnt/disk1");
        roots[0].LimitPercent.Should().Be(50);
        roots[0].LimitBytes.Should().BeNull();
        roots[0].DefaultDepth.Should().Be(DepthLimit.Of(TimeSpan.FromDays(7)));
        roots[1].Path.Should().Be("/mnt/disk2/");
        roots[1].LimitBytes.Should().Be(500_000_000_000);
        roots[1].LimitPercent.Should().BeNull();
        roots[1].DefaultDepth.Should().BeNull("a root without a depth keeps unlimited cameras until space runs out");
        roots[2].LimitBytes.Should().Be(2L << 40);
        roots[2].DefaultDepth.Should().Be(DepthLimit.Of(TimeSpan.FromHours(36)));
        roots.Should().AllSatisfy(r => r.Validate());
    }

    [Fact]
    public void ToRoots_NoRootConfigured_IsTheDefaultRootUnderTheDataDirectory()
    {
        var roots = RetentionSettings.ToRoots(new StorageOptions(), new DataOptions { Path = "relative-data" });

        var root = roots.Should().ContainSingle().Subject;
        root.Name.Should().Be("0");
        root.Path.Should().Be(Path.GetFullPath(Path.Combine("relative-data", "recordings")), "relative paths are resolved as the recording engine resolves them");
        root.LimitPercent.Should().Be(90);
        root.DefaultDepth.Should().BeNull();
    }

    [Fact]
    public void ToCoreOptions_CarriesEveryKey()
    {
        var section = new RetentionSection
        {
            PassIntervalSeconds = 7,
            FreeSpaceCheckIntervalSeconds = 3,
            MaxDeletionsPerPass = 40,
            MinFree = "64MiB",
            MaxMotionMinutes = 90,
        };

        var options = RetentionSettings.ToCoreOptions(section);

        options.PassInterval.Should().Be(TimeSpan.FromSeconds(7));
        options.FreeSpaceCheckInterval.Should().Be(TimeSpan.FromSeconds(3));
        options.MaxDeletionsPerPass.Should().Be(40);
        options.MinFreeBytes.Should().Be(64L << 20);
        options.MaxMotionLength.Should().Be(TimeSpan.FromMinutes(90));
        options.Validate();
    }

    [Fact]
    public void ToCoreOptions_EveryValueTheSectionAccepts_TheCoreAcceptsToo()
    {
        // The bounds of each key, as the section validates them: none may make the core refuse to start.
        foreach (var section in new[]
        {
            new RetentionSection { PassIntervalSeconds = 1, FreeSpaceCheckIntervalSeconds = 1, MaxDeletionsPerPass = 1, MinFree = "1B", MaxMotionMinutes = 1 },
            new RetentionSection { PassIntervalSeconds = 86_400, FreeSpaceCheckIntervalSeconds = 3_600, MaxDeletionsPerPass = 100_000, MinFree = "1PB", MaxMotionMinutes = RetentionSection.MaxMaxMotionMinutes },
        })
        {
            var errors = new ConfigurationErrorCollector("Retention");
            section.Validate(errors);
            errors.Errors.Should().BeEmpty();
            RetentionSettings.ToCoreOptions(section).Validate();
        }
    }
}
