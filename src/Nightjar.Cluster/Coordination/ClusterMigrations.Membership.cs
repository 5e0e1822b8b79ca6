namespace Nightjar.Cluster.Coordination;

internal static partial class ClusterMigrations
{
    private const string Membership = """
        CREATE FUNCTION nightjar_cluster.reserve_incarnation() RETURNS bigint LANGUAGE sql AS $$
          SELECT nextval('nightjar_cluster.incarnation_seq');
        $$;

        -- P0002: a newer incarnation of this node id is live, so the caller is a stale clone and must exit.
        -- An older live incarnation is the stale one: it is dead now and learns it on its next heartbeat.
        -- Idempotent for the same instance, so a join whose answer was lost can be retried.
        CREATE FUNCTION nightjar_cluster.node_join(p_node text, p_inc bigint, p_instance uuid, p_http text, p_rtsp text,
            p_ver text, p_labels jsonb, p_ttl interval, p_cap_mbps double precision, p_cap_cams int, p_cap_storage bigint)
        RETURNS TABLE (lease_expires_at timestamptz, db_now timestamptz)
        LANGUAGE plpgsql AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM nightjar_cluster.cluster_node c
                      WHERE c.node_id = p_node AND c.incarnation = p_inc AND c.instance_id = p_instance AND c.status <> 'dead') THEN
            RETURN QUERY SELECT c.lease_expires_at, now() FROM nightjar_cluster.cluster_node c
                          WHERE c.node_id = p_node AND c.incarnation = p_inc;
            RETURN;
          END IF;
          IF EXISTS (SELECT 1 FROM nightjar_cluster.cluster_node c
                      WHERE c.node_id = p_node AND c.status <> 'dead' AND c.incarnation > p_inc) THEN
            RAISE EXCEPTION 'a newer incarnation of node % is live; incarnation % must exit', p_node, p_inc
              USING ERRCODE = 'P0002';
          END IF;
          UPDATE nightjar_cluster.cluster_node c
             SET status = 'dead', dead_reason = 'superseded by incarnation ' || p_inc, declared_dead_at = now()
           WHERE c.node_id = p_node AND c.status <> 'dead' AND c.incarnation < p_inc;
          INSERT INTO nightjar_cluster.cluster_node (node_id, incarnation, instance_id, status, http_url, rtsp_url, app_version,
                                                    labels, lease_expires_at, cap_ingest_mbps, cap_cameras, cap_storage_bytes)
          VALUES (p_node, p_inc, p_instance, 'joining', p_http, p_rtsp, p_ver, p_labels, now() + p_ttl,
                  p_cap_mbps, p_cap_cams, p_cap_storage);
          PERFORM nightjar_cluster.membership_changed();
          RETURN QUERY SELECT now() + p_ttl, now();
        END $$;

        -- joining -> active after the self-checks; active -> leaving (drain); any live status -> dead (left, clock).
        CREATE FUNCTION nightjar_cluster.node_set_status(p_node text, p_inc bigint, p_from text[], p_to text, p_reason text)
        RETURNS boolean LANGUAGE plpgsql AS $$
        BEGIN
          UPDATE nightjar_cluster.cluster_node c
             SET status = p_to,
                 dead_reason = CASE WHEN p_to = 'dead' THEN p_reason END,
                 declared_dead_at = CASE WHEN p_to = 'dead' THEN now() END
           WHERE c.node_id = p_node AND c.incarnation = p_inc AND c.status = ANY (p_from)
             AND p_to IN ('active', 'leaving', 'dead');
          IF NOT FOUND THEN RETURN false; END IF;
          PERFORM nightjar_cluster.membership_changed();
          RETURN true;
        END $$;

        -- Renewal never resurrects a dead row. An expired lease that nobody declared dead may be renewed: nobody can
        -- have taken over, since takeover needs the dead transition first (this is what survives a database outage).
        -- Zero rows back means this incarnation is dead. Measured bitrates ride along in the same round trip.
        CREATE FUNCTION nightjar_cluster.node_heartbeat(p_node text, p_inc bigint, p_ttl interval,
            p_used_mbps double precision, p_disk_free bigint, p_clock_offset_ms int,
            p_bitrate_cameras text[], p_bitrate_mbps double precision[])
        RETURNS TABLE (status text, lease_expires_at timestamptz, assignment_version bigint,
                       membership_version bigint, leader_node text, leader_term bigint, db_now timestamptz)
        LANGUAGE plpgsql AS $$
        BEGIN
          RETURN QUERY
            UPDATE nightjar_cluster.cluster_node c
               SET heartbeat_at = now(), lease_expires_at = now() + p_ttl,
                   used_ingest_mbps = p_used_mbps, disk_free_bytes = p_disk_free,
                   clock_offset_ms = COALESCE(p_clock_offset_ms, c.clock_offset_ms)
             WHERE c.node_id = p_node AND c.incarnation = p_inc AND c.status <> 'dead'
            RETURNING c.status, c.lease_expires_at, c.assignment_version,
                      (SELECT m.membership_version FROM nightjar_cluster.cluster_meta m),
                      (SELECT l.holder_node FROM nightjar_cluster.cluster_leader l WHERE l.expires_at > now()),
                      (SELECT l.term FROM nightjar_cluster.cluster_leader l),
                      now();
          IF FOUND AND cardinality(p_bitrate_cameras) > 0 THEN
            INSERT INTO nightjar_cluster.camera_bitrate AS b (camera_id, mbps, node_id, updated_at)
            SELECT DISTINCT ON (t.camera_id) t.camera_id, t.mbps, p_node, now()
              FROM unnest(p_bitrate_cameras, p_bitrate_mbps) AS t(camera_id, mbps)
             WHERE t.camera_id IS NOT NULL AND t.mbps >= 0
            ON CONFLICT (camera_id) DO UPDATE SET mbps = excluded.mbps, node_id = excluded.node_id, updated_at = excluded.updated_at;
          END IF;
        END $$;

        """;
}
