namespace Nightjar.Cluster.Tests.Support;

/// <summary>The PostgreSQL server of the test run, which <c>./nightjar test</c> starts and names in NIGHTJAR_TEST_PG.</summary>
internal static class TestPostgres
{
    public const string Variable = "NIGHTJAR_TEST_PG";

    /// <summary>The connection string; throws (the test fails, it does not skip) when the variable is missing.</summary>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set: the cluster tests need PostgreSQL. Run them with ./nightjar test, which starts a private server, " +
                "or set it to a server's Npgsql connection string (Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres).");
}
