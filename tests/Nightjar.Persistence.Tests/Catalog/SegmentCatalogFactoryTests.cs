using Nightjar.Persistence.Catalog;
using Nightjar.Persistence.Tests.Fixtures;

namespace Nightjar.Persistence.Tests.Catalog;

public sealed class SegmentCatalogFactoryTests
{
    [Fact]
    public async Task Create_DataPathOnly_GivesSqliteInTheJournalsFile()
    {
        await using var store = new SqliteTestStore();
        var catalog = SegmentCatalogFactory.Create(new EventJournalOptions { DataPath = store.DataPath });
        await using var disposable = (IAsyncDisposable)catalog;

        await catalog.MigrateAsync(CancellationToken.None);

        ((SegmentCatalog)catalog).Backend.Should().Be("sqlite");
        File.Exists(Path.Combine(store.DataPath, "nightjar.db")).Should().BeTrue();
    }

    [Fact]
    public async Task Create_ConnectionString_GivesPostgresEvenWithADataPath()
    {
        await using var catalog = (SegmentCatalog)SegmentCatalogFactory.Create(new EventJournalOptions { ConnectionString = "Host=127.0.0.1;Username=x", DataPath = "/tmp/unused" });

        catalog.Backend.Should().Be("postgresql");
    }

    [Fact]
    public void Create_NeitherConnectionStringNorDataPath_ThrowsNamingBoth()
    {
        var create = () => SegmentCatalogFactory.Create(new EventJournalOptions());

        create.Should().Throw<ArgumentException>().WithMessage("*ConnectionString*DataPath*");
    }

    [Fact]
    public void Create_MalformedConnectionString_ThrowsWithoutEchoingThePassword()
    {
        var create = () => SegmentCatalogFactory.Create(new EventJournalOptions { ConnectionString = "Host=h;Password=hunter2;Bogus Keyword=1" });

        var error = create.Should().Throw<ArgumentException>().WithMessage("*catalog's PostgreSQL connection string is invalid*").Which;
        error.ToString().Should().NotContain("hunter2");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(86_401)]
    public void Create_OutOfRangeMaxSegmentDuration_ThrowsNamingTheOption(int seconds)
    {
        var create = () => SegmentCatalogFactory.Create(
            new EventJournalOptions { DataPath = "/tmp/unused" },
            catalogOptions: new SegmentCatalogOptions { MaxSegmentDuration = TimeSpan.FromSeconds(seconds) });

        create.Should().Throw<ArgumentException>().WithParameterName(nameof(SegmentCatalogOptions.MaxSegmentDuration));
    }

    [Fact]
    public void Options_Default_IsFifteenMinutes()
    {
        new SegmentCatalogOptions().MaxSegmentDuration.Should().Be(TimeSpan.FromMinutes(15));
    }
}
