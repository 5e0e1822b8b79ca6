using Npgsql;

namespace Nightjar.Persistence.Tests.Fixtures;

/// <summary>The PostgreSQL server the tests run against; missing is a failure, never a skip.</summary>
internal static class PostgresServer
{
    public const string EnvironmentVariable = "NIGHTJAR_TEST_PG";

    public static string AdminConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidOperationException(
                    $"{EnvironmentVariable} is not set. The PostgreSQL journal tests need a server: run './nightjar test' (it starts a private one), " +
                    $"or start one and export {EnvironmentVariable}='Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres'.");
            }

            return value;
        }
    }

    /// <summary>A fresh database named nj_test_*, dropped (with its connections) on dispose.</summary>
    public static async Task<PostgresTestStore> CreateDatabaseAsync()
    {
        var admin = AdminConnectionString;
        var name = $"nj_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new PostgresTestStore(admin, name, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
    }
}
