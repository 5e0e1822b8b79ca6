using Microsoft.Extensions.Logging.Abstractions;
using Nightjar.Cluster.Coordination;
using Nightjar.Persistence;
using Npgsql;

namespace Nightjar.Cluster.Tests.Support;

/// <summary>
/// A private database (cluster_*) on the shared test server with the journal and the cluster schema, dropped with its
/// sessions on dispose. Each node gets its own data source, as a real node has its own control-plane pool.
/// </summary>
internal sealed class ClusterDatabase : IAsyncDisposable
{
    private readonly List<NpgsqlDataSource> _sources = [];

    private ClusterDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
        Admin = CreateDataSource("test-admin");
    }

    public string Name { get; }

    /// <summary>Connection string of the private database (no fence setting).</summary>
    public string ConnectionString { get; }

    /// <summary>Unfenced data source for the test's own queries.</summary>
    public NpgsqlDataSource Admin { get; }

    public static async Task<ClusterDatabase> CreateAsync(bool migrate = true)
    {
        var server = TestPostgres.ConnectionString;
        var name = $"cluster_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var database = new ClusterDatabase(name, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
        if (migrate)
        {
            await database.MigrateJournalAsync();
            await ClusterSchema.MigrateAsync(database.Admin, TimeProvider.System, NullLogger.Instance, CancellationToken.None);
        }

        return database;
    }

    public async Task MigrateJournalAsync()
    {
        await using var journal = OpenJournal(ConnectionString);
        await journal.MigrateAsync(CancellationToken.None);
    }

    /// <summary>The real event journal over <paramref name="connectionString"/> (fenced when it carries an instance).</summary>
    public static IEventJournal OpenJournal(string connectionString) =>
        EventJournalFactory.Create(
            new EventJournalOptions { ConnectionString = connectionString, UseDatabaseNotifications = false },
            new EventTypeRegistry().Register<SegmentWritten>("test.segment.v1"));

    /// <summary>A control-plane data source as the lead should configure it: small pool, short timeouts.</summary>
    public NpgsqlDataSource CreateDataSource(string applicationName, string? connectionString = null)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString ?? ConnectionString);
        builder.ConnectionStringBuilder.ApplicationName = applicationName;
        builder.ConnectionStringBuilder.MaxPoolSize = 8;
        builder.ConnectionStringBuilder.Timeout = 2;
        builder.ConnectionStringBuilder.CommandTimeout = 3;
        builder.ConnectionStringBuilder.CancellationTimeout = 300;
        var source = builder.Build();
        lock (_sources)
        {
            _sources.Add(source);
        }

        return source;
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = Admin.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task<List<object[]>> RowsAsync(string sql, params object[] parameters)
    {
        await using var command = Admin.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlDataSource[] sources;
        lock (_sources)
        {
            sources = [.. _sources];
        }

        foreach (var source in sources)
        {
            await source.DisposeAsync();
        }

        await using var connection = new NpgsqlConnection(TestPostgres.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
