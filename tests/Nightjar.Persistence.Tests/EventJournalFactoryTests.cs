using Nightjar.Persistence.Tests.Fixtures;

namespace Nightjar.Persistence.Tests;

public sealed class EventJournalFactoryTests
{
    [Fact]
    public async Task Create_DataPathOnly_GivesSqliteInThatDirectory()
    {
        await using var store = new SqliteTestStore();
        await using var journal = EventJournalFactory.Create(new EventJournalOptions { DataPath = store.DataPath }, TestTypes.Registry());

        journal.Backend.Should().Be("sqlite");
        await journal.MigrateAsync(CancellationToken.None);
        File.Exists(Path.Combine(store.DataPath, "nightjar.db")).Should().BeTrue();
    }

    [Fact]
    public async Task Create_ConnectionString_GivesPostgresEvenWithADataPath()
    {
        await using var journal = EventJournalFactory.Create(
            new EventJournalOptions { ConnectionString = "Host=127.0.0.1;Username=x", DataPath = "/tmp/unused" }, TestTypes.Registry());

        journal.Backend.Should().Be("postgresql");
    }

    [Fact]
    public void Create_NeitherConnectionStringNorDataPath_ThrowsNamingBoth()
    {
        var create = () => EventJournalFactory.Create(new EventJournalOptions(), TestTypes.Registry());

        create.Should().Throw<ArgumentException>().WithMessage("*ConnectionString*DataPath*");
    }

    [Fact]
    public void Create_MalformedConnectionString_ThrowsWithoutEchoingThePassword()
    {
        var create = () => EventJournalFactory.Create(
            new EventJournalOptions { ConnectionString = "Host=h;Password=hunter2;Bogus Keyword=1" }, TestTypes.Registry());

        var error = create.Should().Throw<ArgumentException>().WithMessage("*connection string is invalid*").Which;
        error.ToString().Should().NotContain("hunter2");
    }

    [Theory]
    [InlineData(0, 500, 1)]
    [InlineData(256, 0, 1)]
    [InlineData(256, 500, 0)]
    [InlineData(20_000, 500, 1)]
    public void Create_OutOfRangeTuning_ThrowsNamingTheOption(int maxBatchSize, int pageSize, int pollSeconds)
    {
        var options = new EventJournalOptions
        {
            DataPath = "/tmp/unused",
            MaxBatchSize = maxBatchSize,
            PageSize = pageSize,
            PollInterval = TimeSpan.FromSeconds(pollSeconds),
        };

        var create = () => EventJournalFactory.Create(options, TestTypes.Registry());

        create.Should().Throw<ArgumentException>().Which.ParamName.Should().BeOneOf("MaxBatchSize", "PageSize", "PollInterval");
    }
}
