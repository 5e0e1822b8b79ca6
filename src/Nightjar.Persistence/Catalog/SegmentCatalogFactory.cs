using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Nightjar.Persistence.Catalog;

/// <summary>
/// Creates the catalog in the journal's database: PostgreSQL when <see cref="EventJournalOptions.ConnectionString"/>
/// is set, else SQLite in <see cref="EventJournalOptions.DataPath"/>/<c>nightjar.db</c> (the journal's file, sharing
/// the journal's in-process write gate, so the two never wait on SQLITE_BUSY within one process).
/// </summary>
public static class SegmentCatalogFactory
{
    /// <summary>
    /// Creates the catalog without touching the database; call <see cref="ISegmentCatalog.MigrateAsync"/> next (its
    /// steps are the <c>catalog</c> component of <c>schema_migrations</c>, independent of the journal's). The result is
    /// also <see cref="IAsyncDisposable"/>: dispose it at shutdown to close its connections (a DI container does so
    /// for a singleton).
    /// </summary>
    /// <param name="options">Where the journal lives; the catalog lives there too.</param>
    /// <param name="loggerFactory">Null for no logs.</param>
    /// <param name="timeProvider">Null for the system clock (used for <c>updated_at</c> and durations).</param>
    /// <param name="meterFactory">Null: the catalog owns its <c>Nightjar.Persistence</c> meter.</param>
    /// <param name="catalogOptions">Null for the defaults (see <see cref="SegmentCatalogOptions.MaxSegmentDuration"/>).</param>
    /// <exception cref="ArgumentException">The options are incomplete or the connection string does not parse.</exception>
    public static ISegmentCatalog Create(
        EventJournalOptions options,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? timeProvider = null,
        IMeterFactory? meterFactory = null,
        SegmentCatalogOptions? catalogOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        catalogOptions ??= new SegmentCatalogOptions();
        catalogOptions.Validate();
        loggerFactory ??= NullLoggerFactory.Instance;
        timeProvider ??= TimeProvider.System;
        return new SegmentCatalog(CreateBackend(options, loggerFactory, timeProvider), catalogOptions, timeProvider, loggerFactory, meterFactory);
    }

    private static ICatalogBackend CreateBackend(EventJournalOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        if (!options.UsesPostgres)
        {
            return new SqliteSegmentCatalog(options.DataPath!, timeProvider, loggerFactory);
        }

        NpgsqlDataSourceBuilder builder;
        try
        {
            builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            // Npgsql's message names the bad keyword, never the password.
            throw new ArgumentException($"The catalog's PostgreSQL connection string is invalid: {ex.Message}", nameof(options), ex);
        }

        builder.UseLoggerFactory(loggerFactory);
        return new PostgresSegmentCatalog(builder.Build(), timeProvider, loggerFactory);
    }
}
