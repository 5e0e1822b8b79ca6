using Npgsql;

namespace Nightjar.Recording.Tests.Support;

/// <summary>A fresh database per test on the run's PostgreSQL (<c>NIGHTJAR_TEST_PG</c>, set by <c>./nightjar test</c>).</summary>
internal static class TestPostgres
{
    private const string Variable = "NIGHTJAR_TEST_PG";

    /// <returns>The new database's connection string (no pooling, so dropping it is not held up).</returns>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var server = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: run the tests with ./nightjar test, which starts a private PostgreSQL, or set it to a server's Npgsql connection string.");
        var name = prefix + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var name = builder.Database!;
        builder.Database = "postgres";
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
