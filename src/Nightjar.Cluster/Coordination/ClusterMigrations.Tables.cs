namespace Nightjar.Cluster.Coordination;

internal static partial class ClusterMigrations
{
    private const string Tables = """
        CREATE EXTENSION IF NOT EXISTS btree_gist;
        CREATE SCHEMA nightjar_cluster;

        -- Incarnations come from a sequence, not the wall clock, which can step backwards.
        CREATE SEQUENCE nightjar_cluster.incarnation_seq;

        CREATE TABLE nightjar_cluster.cluster_meta (
          id                    smallint    PRIMARY KEY DEFAULT 1 CHECK (id = 1),
          membership_version    bigint      NOT NULL DEFAULT 0,
          membership_changed_at timestamptz NOT NULL DEFAULT now()
        );
        INSERT INTO nightjar_cluster.cluster_meta DEFAULT VALUES;

        CREATE TABLE nightjar_cluster.cluster_leader (
          id                     smallint    PRIMARY KEY DEFAULT 1 CHECK (id = 1),
          holder_node            text,
          holder_incarnation     bigint,
          term                   bigint      NOT NULL DEFAULT 0,
          acquired_at            timestamptz,
          expires_at             timestamptz NOT NULL DEFAULT '-infinity',
          -- the placement's hysteresis state survives a change of coordinator
          rebalance_session_open boolean     NOT NULL DEFAULT false
        );
        INSERT INTO nightjar_cluster.cluster_leader DEFAULT VALUES;

        CREATE TABLE nightjar_cluster.cluster_node (
          node_id            text             NOT NULL,
          incarnation        bigint           NOT NULL,
          instance_id        uuid             NOT NULL UNIQUE,
          status             text             NOT NULL CHECK (status IN ('joining','active','leaving','dead')),
          http_url           text             NOT NULL,
          rtsp_url           text             NOT NULL,
          app_version        text             NOT NULL,
          labels             jsonb            NOT NULL DEFAULT '{}',
          started_at         timestamptz      NOT NULL DEFAULT now(),
          heartbeat_at       timestamptz      NOT NULL DEFAULT now(),
          lease_expires_at   timestamptz      NOT NULL,
          cap_ingest_mbps    double precision NOT NULL CHECK (cap_ingest_mbps > 0),
          cap_cameras        int              NOT NULL CHECK (cap_cameras > 0),
          cap_storage_bytes  bigint           CHECK (cap_storage_bytes > 0),
          used_ingest_mbps   double precision NOT NULL DEFAULT 0,
          disk_free_bytes    bigint           NOT NULL DEFAULT 0,
          clock_offset_ms    int,
          assignment_version bigint           NOT NULL DEFAULT 0,
          dead_reason        text,
          declared_dead_at   timestamptz,
          PRIMARY KEY (node_id, incarnation)
        ) WITH (fillfactor = 50);   -- a heartbeat is a HOT update
        CREATE UNIQUE INDEX cluster_node_one_live ON nightjar_cluster.cluster_node (node_id) WHERE status <> 'dead';

        -- No foreign key to a camera table: cameras live in the event journal and reach the coordinator by callback.
        CREATE TABLE nightjar_cluster.camera_assignment (
          camera_id                 text        PRIMARY KEY,
          epoch                     bigint      NOT NULL DEFAULT 0,
          owner_node                text,
          owner_incarnation         bigint,
          state                     text        NOT NULL DEFAULT 'unassigned'
                                    CHECK (state IN ('unassigned','starting','active','releasing')),
          target_node               text,
          target_incarnation        bigint,
          release_deadline          timestamptz,
          moved_at                  timestamptz,
          reason                    text,
          failed_owner_heartbeat_at timestamptz,
          release_requested_at      timestamptz,
          updated_term              bigint,
          updated_at                timestamptz NOT NULL DEFAULT now(),
          FOREIGN KEY (owner_node, owner_incarnation)   REFERENCES nightjar_cluster.cluster_node (node_id, incarnation),
          FOREIGN KEY (target_node, target_incarnation) REFERENCES nightjar_cluster.cluster_node (node_id, incarnation),
          CHECK ((state = 'unassigned') = (owner_node IS NULL)),
          CHECK ((state = 'releasing') = (target_node IS NOT NULL))
        ) WITH (fillfactor = 70);
        CREATE INDEX camera_assignment_owner ON nightjar_cluster.camera_assignment (owner_node, owner_incarnation);

        -- Epoch e is authoritative for the DB-time interval [valid_from, valid_to); the database refuses overlaps.
        CREATE TABLE nightjar_cluster.camera_epoch (
          camera_id   text        NOT NULL,
          epoch       bigint      NOT NULL,
          node_id     text        NOT NULL,
          incarnation bigint      NOT NULL,
          valid_from  timestamptz NOT NULL,
          valid_to    timestamptz,
          reason      text        NOT NULL,
          term        bigint,
          PRIMARY KEY (camera_id, epoch),
          EXCLUDE USING gist (camera_id WITH =, tstzrange(valid_from, valid_to) WITH &&)
        );

        CREATE TABLE nightjar_cluster.camera_bitrate (
          camera_id  text             PRIMARY KEY,
          mbps       double precision NOT NULL CHECK (mbps >= 0),
          node_id    text             NOT NULL,
          updated_at timestamptz      NOT NULL
        );

        -- Bumps the ordered membership view; the coordinator pauses rebalancing for a while after it changes.
        CREATE FUNCTION nightjar_cluster.membership_changed() RETURNS void LANGUAGE sql AS $$
          UPDATE nightjar_cluster.cluster_meta SET membership_version = membership_version + 1, membership_changed_at = now();
        $$;

        -- Every assignment transition tells the nodes involved: a version their heartbeat sees, and a doorbell.
        CREATE FUNCTION nightjar_cluster.touch_node(p_node text, p_inc bigint) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          IF p_node IS NULL THEN RETURN; END IF;
          UPDATE nightjar_cluster.cluster_node c SET assignment_version = c.assignment_version + 1
           WHERE c.node_id = p_node AND c.incarnation = p_inc;
          PERFORM pg_notify('nightjar_assign', p_node);
        END $$;

        """;
}
