using Nightjar.Server.Tests.Support;
using Npgsql;

namespace Nightjar.IntegrationTests.Cluster;

/// <summary>
/// A fresh database for one cluster (<c>cluster_it_&lt;random&gt;</c>) on a PostgreSQL server: the run's server
/// (<c>NIGHTJAR_TEST_PG</c>) or a <see cref="PrivatePostgres"/>. Dropped, with any leftover sessions, on dispose.
/// </summary>
internal sealed class ClusterDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;

    private ClusterDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>What the nodes get as Database:ConnectionString.</summary>
    public string ConnectionString { get; }

    /// <summary>The same database for the test's own reads: unpooled, so a PostgreSQL restart leaves no dead connection behind.</summary>
    public string ReaderConnectionString =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false, Timeout = 5, CommandTimeout = 10 }.ConnectionString;

    /// <summary>On the run's server; fails (never skips) when NIGHTJAR_TEST_PG is not set.</summary>
    public static Task<ClusterDatabase> CreateOnTestServerAsync() => CreateAsync(TestPostgres.ConnectionString);

    public static async Task<ClusterDatabase> CreateAsync(string serverConnectionString)
    {
        var name = "cluster_it_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(Unpooled(serverConnectionString));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new ClusterDatabase(serverConnectionString, name);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(Unpooled(_serverConnectionString));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // The server may already be gone (a private one stopped first); the database went with it.
        }
    }

    private static string Unpooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 10 }.ConnectionString;
}
