using Nightjar.Persistence.Migrations;
using Nightjar.Persistence.Tests.Fixtures;

namespace Nightjar.Persistence.Tests.Conformance;

public abstract partial class EventJournalConformanceTests
{
    [Fact]
    public async Task MigrateAsync_TwoNodesStartAtOnce_BothSucceedAndEachStepIsAppliedOnce()
    {
        await using var fresh = await CreateFreshStoreAsync();
        await using var nodeA = fresh.CreateJournal();
        await using var nodeB = fresh.CreateJournal();

        await Task.WhenAll(nodeA.MigrateAsync(None), nodeB.MigrateAsync(None));

        var backend = ((EventJournal)nodeA).Store;
        var applied = await backend.ReadAppliedMigrationsAsync(None);
        applied.Select(m => m.Version).Should().Equal(backend.Migrations.Select(m => m.Version));
        applied.Select(m => m.Name).Should().Equal(backend.Migrations.Select(m => m.Name));
        (await nodeB.AppendAsync(TestTypes.NewId(), 0, TestTypes.Items(1), None)).Should().Be(1, "the migrated schema works");
    }

    [Fact]
    public async Task MigrateAsync_NewStepAdded_AppliesOnlyThatStep()
    {
        await using var fresh = await CreateFreshStoreAsync();
        await using var journal = fresh.CreateJournal();
        await journal.MigrateAsync(None);
        var backend = ((EventJournal)journal).Store;
        var extended = backend.Migrations.Append(new JournalMigration(backend.Migrations.Count + 1, "test_extra_table", "CREATE TABLE test_extra (id integer)")).ToList();

        await backend.MigrateAsync(extended, None);
        await backend.MigrateAsync(extended, None);

        (await backend.ReadAppliedMigrationsAsync(None)).Select(m => m.Name).Should().Equal(extended.Select(m => m.Name));
        (await journal.CheckHealthAsync(None)).SchemaVersion.Should().Be(extended.Count);
        (await journal.CheckHealthAsync(None)).IsReady.Should().BeTrue("a schema newer than the build (rolling upgrade) is still ready");
    }

    [Fact]
    public async Task MigrateAsync_RecordedStepHasAnotherName_RefusesWithAClearError()
    {
        await using var fresh = await CreateFreshStoreAsync();
        await using var journal = fresh.CreateJournal();
        await journal.MigrateAsync(None);
        var backend = ((EventJournal)journal).Store;
        var diverged = backend.Migrations.Select((m, i) => i == 0 ? m with { Name = "someone_elses_step" } : m).ToList();

        var migrate = () => backend.MigrateAsync(diverged, None);

        await migrate.Should().ThrowAsync<InvalidOperationException>().WithMessage("*'create_journal'*'someone_elses_step'*");
    }

    [Fact]
    public async Task CheckHealthAsync_MigratedStore_IsReady()
    {
        await using var journal = Store.CreateJournal();

        var health = await journal.CheckHealthAsync(None);

        health.Should().BeEquivalentTo(new { Backend = journal.Backend, IsReachable = true, IsMigrated = true, IsReady = true, Error = (string?)null });
        health.SchemaVersion.Should().Be(health.ExpectedSchemaVersion).And.BeGreaterThan(0);
    }

    [Fact]
    public async Task CheckHealthAsync_NotMigrated_IsReachableButNotReady()
    {
        await using var fresh = await CreateFreshStoreAsync();
        await using var journal = fresh.CreateJournal();

        var health = await journal.CheckHealthAsync(None);

        health.IsReachable.Should().BeTrue();
        health.IsReady.Should().BeFalse();
        health.SchemaVersion.Should().Be(0);
        health.Error.Should().Contain("Migrations have not run");
    }

    [Fact]
    public async Task CheckHealthAsync_Unreachable_ReportsNotReadyInsteadOfThrowing()
    {
        var options = CreateUnreachableOptions();
        options.HealthTimeout = TimeSpan.FromSeconds(5);
        await using var journal = EventJournalFactory.Create(options, TestTypes.Registry());

        var health = await journal.CheckHealthAsync(None);

        health.IsReachable.Should().BeFalse();
        health.IsReady.Should().BeFalse();
        health.Error.Should().NotBeNullOrEmpty();
    }
}
