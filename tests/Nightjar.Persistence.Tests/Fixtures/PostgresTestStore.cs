using Nightjar.Persistence;
using Npgsql;

namespace Nightjar.Persistence.Tests.Fixtures;

public sealed class PostgresTestStore(string adminConnectionString, string databaseName, string connectionString) : JournalTestStore
{
    public string ConnectionString { get; } = connectionString;

    public override EventJournalOptions CreateOptions() => new() { ConnectionString = ConnectionString };

    public override async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {databaseName} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
