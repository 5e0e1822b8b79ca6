using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nightjar.Persistence.Backend;
using Nightjar.Persistence.Postgres;
using Nightjar.Persistence.Sqlite;
using Npgsql;

namespace Nightjar.Persistence;

/// <summary>Creates the journal the options ask for: PostgreSQL when a connection string is set, else SQLite in the data path.</summary>
public static class EventJournalFactory
{
    /// <summary>
    /// Creates the journal without touching the database; call <see cref="IEventJournal.MigrateAsync"/> next.
    /// </summary>
    /// <exception cref="ArgumentException">The options are incomplete or the connection string does not parse.</exception>
    public static IEventJournal Create(
        EventJournalOptions options,
        EventTypeRegistry registry,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(registry);
        options.Validate();
        loggerFactory ??= NullLoggerFactory.Instance;
        timeProvider ??= TimeProvider.System;
        var backend = CreateBackend(options, loggerFactory, timeProvider);
        return new EventJournal(backend, registry, options, timeProvider, loggerFactory, meterFactory);
    }

    private static IJournalBackend CreateBackend(EventJournalOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        if (!options.UsesPostgres)
        {
            return new SqliteJournal(options.DataPath!, timeProvider, loggerFactory);
        }

        NpgsqlDataSourceBuilder builder;
        try
        {
            builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            // Npgsql's message names the bad keyword, never the password.
            throw new ArgumentException($"The journal's PostgreSQL connection string is invalid: {ex.Message}", nameof(options), ex);
        }

        builder.UseLoggerFactory(loggerFactory);
        return new PostgresJournal(builder.Build(), timeProvider, loggerFactory);
    }
}
