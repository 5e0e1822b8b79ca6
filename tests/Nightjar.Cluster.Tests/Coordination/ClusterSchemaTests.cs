using Microsoft.Extensions.Logging.Abstractions;
using Nightjar.Cluster.Coordination;
using Npgsql;

namespace Nightjar.Cluster.Tests.Coordination;

public sealed class ClusterSchemaTests
{
    [Fact]
    public async Task MigrateAsync_RunTwice_RecordsTheClusterComponentOnce()
    {
        await using var database = await ClusterDatabase.CreateAsync();

        await ClusterSchema.MigrateAsync(database.Admin, TimeProvider.System, NullLogger.Instance, CancellationToken.None);

        var steps = await database.RowsAsync("SELECT version, name FROM schema_migrations WHERE component = 'cluster'");
        steps.Should().ContainSingle().Which.Should().Equal(1, "create_cluster");
        (await database.ScalarAsync<long>("SELECT count(*) FROM pg_trigger WHERE tgname = 'nightjar_cluster_fence'")).Should().Be(1);
        (await database.ScalarAsync<long>("SELECT count(*) FROM schema_migrations WHERE component = 'journal'")).Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task MigrateAsync_WithoutTheJournal_FailsClearlyAndCreatesNothing()
    {
        await using var database = await ClusterDatabase.CreateAsync(migrate: false);

        var act = () => ClusterSchema.MigrateAsync(database.Admin, TimeProvider.System, NullLogger.Instance, CancellationToken.None);

        (await act.Should().ThrowAsync<PostgresException>()).Which.MessageText.Should().Contain("journal migrations first");
        (await database.ScalarAsync<long>("SELECT count(*) FROM pg_namespace WHERE nspname = 'nightjar_cluster'")).Should().Be(0);
    }

    [Fact]
    public async Task CameraEpoch_OverlappingIntervals_AreRefusedByTheDatabase()
    {
        await using var database = await ClusterDatabase.CreateAsync();
        await database.ScalarAsync<int>("""
            INSERT INTO nightjar_cluster.camera_epoch VALUES ('cam', 1, 'a', 1, now() - interval '1 hour', NULL, 'initial', 1) RETURNING 1
            """);

        var act = () => database.ScalarAsync<int>("""
            INSERT INTO nightjar_cluster.camera_epoch VALUES ('cam', 2, 'b', 2, now() - interval '1 minute', NULL, 'failover', 1) RETURNING 1
            """);

        (await act.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.ExclusionViolation);
    }
}
