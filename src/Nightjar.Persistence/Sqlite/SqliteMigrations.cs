using Nightjar.Persistence.Migrations;

namespace Nightjar.Persistence.Sqlite;

/// <summary>The journal schema on SQLite, shaped like the PostgreSQL one. Append new steps; never edit a released one.</summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<JournalMigration> All { get; } =
    [
        new(1, "create_journal", """
            -- AUTOINCREMENT: ordering is the feed offset, so it must never be reused, even after the newest
            -- events are deleted. Writes are serialized by SQLite, so ordering is also commit order.
            CREATE TABLE event_journal (
                ordering       INTEGER PRIMARY KEY AUTOINCREMENT,
                persistence_id TEXT    NOT NULL,
                sequence_nr    INTEGER NOT NULL,
                event_type     TEXT    NOT NULL,
                payload        TEXT    NOT NULL,
                writer_uuid    TEXT    NOT NULL,
                created_at     INTEGER NOT NULL, -- microseconds since the Unix epoch, UTC
                UNIQUE (persistence_id, sequence_nr)
            );

            CREATE TABLE event_tag (
                tag            TEXT    NOT NULL,
                ordering       INTEGER NOT NULL,
                persistence_id TEXT    NOT NULL,
                sequence_nr    INTEGER NOT NULL,
                PRIMARY KEY (tag, ordering)
            ) WITHOUT ROWID;
            CREATE INDEX event_tag_persistence ON event_tag (persistence_id, sequence_nr);

            CREATE TABLE event_stream (
                persistence_id      TEXT    NOT NULL PRIMARY KEY,
                highest_sequence_nr INTEGER NOT NULL CHECK (highest_sequence_nr > 0)
            ) WITHOUT ROWID;

            CREATE TABLE snapshot_store (
                persistence_id TEXT    NOT NULL,
                sequence_nr    INTEGER NOT NULL,
                created_at     INTEGER NOT NULL,
                state_type     TEXT    NOT NULL,
                state          TEXT    NOT NULL,
                PRIMARY KEY (persistence_id, sequence_nr)
            ) WITHOUT ROWID;
            """),
    ];
}
