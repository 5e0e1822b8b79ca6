using Nightjar.Persistence.Migrations;

namespace Nightjar.Persistence.Postgres;

/// <summary>
/// The journal schema on PostgreSQL (cluster-schema.sql §5), as ordered steps. Append new steps; never edit a released one.
/// </summary>
internal static class PostgresMigrations
{
    public static IReadOnlyList<JournalMigration> All { get; } =
    [
        new(1, "create_journal", """
            CREATE TABLE event_journal (
                ordering       bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                -- The writing transaction: the tag feed reads only below the oldest running transaction, so a
                -- late committer stalls the feed instead of being skipped (cluster.md 3.3).
                tx_id          xid8        NOT NULL DEFAULT pg_current_xact_id(),
                persistence_id text        NOT NULL,
                sequence_nr    bigint      NOT NULL,
                event_type     text        NOT NULL,
                payload        jsonb       NOT NULL,
                writer_uuid    uuid        NOT NULL,
                created_at     timestamptz NOT NULL,
                CONSTRAINT event_journal_uq UNIQUE (persistence_id, sequence_nr)
            );
            CREATE INDEX event_journal_tx ON event_journal (tx_id, ordering);

            CREATE TABLE event_tag (
                tag            text   NOT NULL,
                tx_id          xid8   NOT NULL,
                ordering       bigint NOT NULL,
                persistence_id text   NOT NULL,
                sequence_nr    bigint NOT NULL,
                PRIMARY KEY (tag, tx_id, ordering)
            );
            CREATE INDEX event_tag_persistence ON event_tag (persistence_id, sequence_nr);

            -- One row per persistence id: the optimistic-concurrency gate, and the highest sequence number that
            -- must survive deleting events (Akka's journal metadata table).
            CREATE TABLE event_stream (
                persistence_id      text   PRIMARY KEY,
                highest_sequence_nr bigint NOT NULL CHECK (highest_sequence_nr > 0)
            );

            CREATE TABLE snapshot_store (
                persistence_id text        NOT NULL,
                sequence_nr    bigint      NOT NULL,
                created_at     timestamptz NOT NULL,
                state_type     text        NOT NULL,
                state          jsonb       NOT NULL,
                PRIMARY KEY (persistence_id, sequence_nr)
            );
            """),
    ];
}
