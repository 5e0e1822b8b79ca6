using System.Diagnostics.Metrics;
using Nightjar.Persistence.Catalog;
using Nightjar.Persistence.Migrations;
using Nightjar.Persistence.Tests.Fixtures;
using static Nightjar.Persistence.Tests.Catalog.TestSegments;

namespace Nightjar.Persistence.Tests.Catalog;

public abstract partial class SegmentCatalogConformanceTests
{
    [Fact]
    public async Task MigrateAsync_Twice_AppliesEachStepOnceUnderItsOwnComponent()
    {
        await using var fresh = await CreateFreshStoreAsync();
        await using var catalog = fresh.CreateCatalog();

        await catalog.MigrateAsync(None);
        await catalog.MigrateAsync(None);

        var applied = await catalog.Store.ReadAppliedMigrationsAsync(None);
        applied.Select(m => (m.Version, m.Name)).Should().Equal(catalog.Store.Migrations.Select(m => (m.Version, m.Name)));
        await using var journal = fresh.CreateJournal();
        (await ((EventJournal)journal).Store.ReadAppliedMigrationsAsync(None)).Should().BeEmpty("the journal's component is untouched");
        await catalog.ApplyAsync(Upserts(Run(NewSource(), T0, 1)), null, None);
    }

    [Fact]
    public async Task MigrateAsync_TwoCatalogsAndAJournalStartAtOnce_AllSucceedAndEachStepIsAppliedOnce()
    {
        await using var fresh = await CreateFreshStoreAsync();
        await using var nodeA = fresh.CreateCatalog();
        await using var nodeB = fresh.CreateCatalog();
        await using var journal = fresh.CreateJournal();

        await Task.WhenAll(nodeA.MigrateAsync(None), nodeB.MigrateAsync(None), journal.MigrateAsync(None));

        (await nodeA.Store.ReadAppliedMigrationsAsync(None)).Select(m => m.Name).Should().Equal(nodeA.Store.Migrations.Select(m => m.Name));
        (await journal.CheckHealthAsync(None)).IsReady.Should().BeTrue();
        await nodeB.ApplyAsync(Upserts(Run(NewSource(), T0, 1)), new ProjectionCheckpoint("segments", new JournalOffset(0, 1)), None);
        (await journal.AppendAsync(TestTypes.NewId(), 0, TestTypes.Items(1), None)).Should().Be(1);
    }

    [Fact]
    public async Task MigrateAsync_RecordedStepHasAnotherName_RefusesNamingTheCatalog()
    {
        await using var fresh = await CreateFreshStoreAsync();
        await using var catalog = fresh.CreateCatalog();
        await catalog.MigrateAsync(None);
        var diverged = catalog.Store.Migrations.Select((m, i) => i == 0 ? m with { Name = "someone_elses_step" } : m).ToList();

        var migrate = () => catalog.Store.MigrateAsync(diverged, None);

        await migrate.Should().ThrowAsync<InvalidOperationException>().WithMessage("Catalog schema version 1*'create_segments'*'someone_elses_step'*");
    }

    [Fact]
    public async Task MigrateAsync_NewStepAdded_AppliesOnlyThatStep()
    {
        await using var fresh = await CreateFreshStoreAsync();
        await using var catalog = fresh.CreateCatalog();
        await catalog.MigrateAsync(None);
        var extended = catalog.Store.Migrations.Append(new JournalMigration(catalog.Store.Migrations.Count + 1, "test_extra", "CREATE TABLE catalog_test_extra (id integer)")).ToList();

        await catalog.Store.MigrateAsync(extended, None);
        await catalog.Store.MigrateAsync(extended, None);

        (await catalog.Store.ReadAppliedMigrationsAsync(None)).Select(m => m.Name).Should().Equal(extended.Select(m => m.Name));
    }

    [Fact]
    public async Task Metrics_ApplyAndQueries_AreCountedAndTimed()
    {
        await using var catalog = Store.CreateCatalog();
        using var listener = new MeterListener();
        var measurements = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, catalog.Metrics.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i.Name, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i.Name, v, t));
        listener.Start();
        var source = NewSource();
        var run = Run(source, T0, 2);

        await catalog.ApplyAsync([.. Upserts(run), new CatalogChange.Remove(run[0].Path)], new ProjectionCheckpoint($"p-{source}", new JournalOffset(0, 2)), None);
        await catalog.ApplyAsync([], new ProjectionCheckpoint($"p-{source}", new JournalOffset(0, 1)), None);
        await catalog.FindAsync(source, "main", T0, T0.AddHours(1), includeLost: false, None);

        lock (measurements)
        {
            measurements.Where(m => m.Instrument == "nightjar.catalog.applies").Select(m => m.Tags["outcome"]).Should().Equal("applied", "stale");
            measurements.Where(m => m.Instrument == "nightjar.catalog.changes").Select(m => (m.Tags["kind"], m.Value)).Should().BeEquivalentTo([((object?)"upsert", 2.0), ("remove", 1.0)]);
            measurements.Should().Contain(m => m.Instrument == "nightjar.catalog.query.duration" && Equals(m.Tags["query"], "find") && Equals(m.Tags["backend"], catalog.Backend));
        }

        void Record(string name, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            lock (measurements)
            {
                measurements.Add((name, value, copy));
            }
        }
    }
}
