using Nightjar.Persistence.Migrations;

namespace Nightjar.Persistence.Catalog;

/// <summary>
/// The catalog's schema, as ordered steps under its own component in <c>schema_migrations</c>. Append new steps;
/// never edit a released one.
/// </summary>
/// <remarks>
/// Times are <c>bigint</c> microseconds since the Unix epoch, UTC, on both engines (<see cref="CatalogTime"/>): one
/// unit for the index arithmetic of <see cref="ISegmentCatalog.FindAsync"/>, the same precision as the journal.
/// Indexes, by the query they serve:
/// <list type="bullet">
/// <item><c>(source, stream, start_us, id)</c> carrying state, end and bytes: FindAsync (a range on start, bounded by
/// the longest segment), LatestAsync, and SummarizeAsync from the index alone.</item>
/// <item><c>(state, start_us)</c>: OldestAsync over every source (retention of a whole node).</item>
/// <item><c>(source, state, start_us)</c>: OldestAsync for one source.</item>
/// </list>
/// The id is the last index key everywhere (implicit in SQLite), so "ORDER BY start_us, id" needs no sort. On SQLite
/// the id also clusters the table by stream (see the first step).
/// <c>projection_offset</c> is keyed by projection name, so other read models may keep their offsets in it too.
/// </remarks>
internal static class CatalogMigrations
{
    public const string Component = "catalog";

    public static IReadOnlyList<JournalMigration> Sqlite { get; } =
    [
        new(1, "create_segments", """
            -- Segment ids are (stream_no << 32) | seq, as Moonfire NVR's composite ids: the rows of one stream sit
            -- together in the table's b-tree (ordered by id), so a window read touches a few hundred neighbouring
            -- pages instead of one page per row among every other stream's rows. last_seq only grows and these rows
            -- are never deleted, so an id is never reused (ids appear in chunk URLs).
            CREATE TABLE segment_streams (
                stream_no INTEGER PRIMARY KEY AUTOINCREMENT CHECK (stream_no < 2147483648),
                source    TEXT    NOT NULL,
                stream    TEXT    NOT NULL,
                last_seq  INTEGER NOT NULL CHECK (last_seq BETWEEN 1 AND 4294967295),
                UNIQUE (source, stream)
            );

            CREATE TABLE segments (
                id           INTEGER PRIMARY KEY,
                source       TEXT    NOT NULL,
                stream       TEXT    NOT NULL,
                run_id       TEXT    NOT NULL,
                path         TEXT    NOT NULL UNIQUE,
                storage_root TEXT    NOT NULL,
                start_us     INTEGER NOT NULL, -- microseconds since the Unix epoch, UTC
                end_us       INTEGER NOT NULL,
                bytes        INTEGER NOT NULL,
                gop_index    TEXT    NOT NULL,
                state        INTEGER NOT NULL, -- 0 recorded, 1 lost, 2 garbage
                updated_at   INTEGER NOT NULL,
                CHECK (end_us >= start_us),
                CHECK (bytes >= 0),
                CHECK (state BETWEEN 0 AND 2)
            );
            -- Also covers the summary columns, so SummarizeAsync never touches the rows (their GOP indexes).
            CREATE INDEX segments_stream_start ON segments (source, stream, start_us, id, state, end_us, bytes);
            CREATE INDEX segments_state_start ON segments (state, start_us);
            CREATE INDEX segments_source_state_start ON segments (source, state, start_us);

            CREATE TABLE projection_offset (
                projection TEXT    NOT NULL PRIMARY KEY,
                tx_id      INTEGER NOT NULL CHECK (tx_id >= 0),
                ordering   INTEGER NOT NULL CHECK (ordering >= 0),
                updated_at INTEGER NOT NULL
            ) WITHOUT ROWID;
            """),
    ];

    public static IReadOnlyList<JournalMigration> Postgres { get; } =
    [
        new(1, "create_segments", """
            CREATE TABLE segments (
                id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                source       text        NOT NULL,
                stream       text        NOT NULL,
                run_id       text        NOT NULL,
                path         text        NOT NULL,
                storage_root text        NOT NULL,
                start_us     bigint      NOT NULL, -- microseconds since the Unix epoch, UTC
                end_us       bigint      NOT NULL,
                bytes        bigint      NOT NULL,
                gop_index    text        NOT NULL,
                state        smallint    NOT NULL, -- 0 recorded, 1 lost, 2 garbage
                updated_at   timestamptz NOT NULL,
                CONSTRAINT segments_path_uq UNIQUE (path),
                CONSTRAINT segments_span_ck CHECK (end_us >= start_us),
                CONSTRAINT segments_bytes_ck CHECK (bytes >= 0),
                CONSTRAINT segments_state_ck CHECK (state BETWEEN 0 AND 2)
            );
            CREATE INDEX segments_stream_start ON segments (source, stream, start_us, id) INCLUDE (state, end_us, bytes);
            CREATE INDEX segments_state_start ON segments (state, start_us, id);
            CREATE INDEX segments_source_state_start ON segments (source, state, start_us, id);

            -- tx_id is the journal's xid8, so a stored offset compares exactly like JournalOffset.
            CREATE TABLE projection_offset (
                projection text        PRIMARY KEY,
                tx_id      xid8        NOT NULL,
                ordering   bigint      NOT NULL CHECK (ordering >= 0),
                updated_at timestamptz NOT NULL
            );
            """),
    ];
}
