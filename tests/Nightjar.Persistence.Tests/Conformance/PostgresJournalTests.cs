using System.Net;
using System.Net.Sockets;
using Nightjar.Persistence.Tests.Fixtures;
using Npgsql;

namespace Nightjar.Persistence.Tests.Conformance;

/// <summary>The conformance suite on PostgreSQL (a fresh database per class, from NIGHTJAR_TEST_PG).</summary>
public sealed class PostgresJournalTests(PostgresStoreFixture fixture)
    : EventJournalConformanceTests(fixture.Store), IClassFixture<PostgresStoreFixture>
{
    protected override async Task<JournalTestStore> CreateFreshStoreAsync() => await PostgresServer.CreateDatabaseAsync();

    protected override EventJournalOptions CreateUnreachableOptions()
    {
        // A port that was free a moment ago: connection refused, quickly.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new EventJournalOptions
        {
            ConnectionString = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "nobody", Password = "secret-never-shown", Timeout = 3 }.ConnectionString,
        };
    }
}
