namespace Nightjar.Cluster.Coordination;

internal static partial class ClusterMigrations
{
    private const string Assignments = """
        -- First placement, failover and start-timeout reassignment (coordinator, term-fenced): CAS on the epoch,
        -- epoch + 1, a new timeline row. A live owner keeps an active or releasing camera: only a planned release
        -- moves it, so a stale plan cannot start a second recorder.
        CREATE FUNCTION nightjar_cluster.assign_camera(p_leader text, p_linc bigint, p_term bigint, p_camera text,
            p_expected_epoch bigint, p_node text, p_inc bigint, p_reason text)
        RETURNS bigint LANGUAGE plpgsql AS $$
        DECLARE v_now timestamptz := now(); v_new bigint; a nightjar_cluster.camera_assignment%ROWTYPE;
                v_owner_alive boolean; v_owner_heartbeat timestamptz;
        BEGIN
          PERFORM nightjar_cluster.assert_leader(p_leader, p_linc, p_term);
          -- FOR SHARE blocks a concurrent death declaration of the target
          PERFORM 1 FROM nightjar_cluster.cluster_node c
           WHERE c.node_id = p_node AND c.incarnation = p_inc AND c.status = 'active' FOR SHARE;
          IF NOT FOUND THEN RETURN NULL; END IF;
          INSERT INTO nightjar_cluster.camera_assignment (camera_id) VALUES (p_camera) ON CONFLICT DO NOTHING;
          SELECT * INTO a FROM nightjar_cluster.camera_assignment x
           WHERE x.camera_id = p_camera AND x.epoch = p_expected_epoch FOR UPDATE;
          IF NOT FOUND THEN RETURN NULL; END IF;
          SELECT c.status <> 'dead', c.heartbeat_at INTO v_owner_alive, v_owner_heartbeat
            FROM nightjar_cluster.cluster_node c
           WHERE c.node_id = a.owner_node AND c.incarnation = a.owner_incarnation;
          IF a.state IN ('active', 'releasing') AND v_owner_alive THEN RETURN NULL; END IF;
          UPDATE nightjar_cluster.camera_assignment x
             SET epoch = x.epoch + 1, owner_node = p_node, owner_incarnation = p_inc, state = 'starting',
                 target_node = NULL, target_incarnation = NULL, release_deadline = NULL, release_requested_at = NULL,
                 failed_owner_heartbeat_at = CASE WHEN v_owner_alive THEN NULL ELSE v_owner_heartbeat END,
                 moved_at = v_now, reason = p_reason, updated_term = p_term, updated_at = v_now
           WHERE x.camera_id = p_camera
          RETURNING x.epoch INTO v_new;
          UPDATE nightjar_cluster.camera_epoch e SET valid_to = v_now WHERE e.camera_id = p_camera AND e.valid_to IS NULL;
          INSERT INTO nightjar_cluster.camera_epoch (camera_id, epoch, node_id, incarnation, valid_from, valid_to, reason, term)
          VALUES (p_camera, v_new, p_node, p_inc, v_now, NULL, p_reason, p_term);
          PERFORM nightjar_cluster.touch_node(p_node, p_inc);
          IF a.owner_node IS NOT NULL AND (a.owner_node, a.owner_incarnation) IS DISTINCT FROM (p_node, p_inc) THEN
            PERFORM nightjar_cluster.touch_node(a.owner_node, a.owner_incarnation);
          END IF;
          RETURN v_new;
        END $$;

        -- A camera left the registry: its epoch closes and its row goes.
        CREATE FUNCTION nightjar_cluster.unassign_camera(p_leader text, p_linc bigint, p_term bigint, p_camera text,
            p_expected_epoch bigint)
        RETURNS boolean LANGUAGE plpgsql AS $$
        DECLARE a nightjar_cluster.camera_assignment%ROWTYPE;
        BEGIN
          PERFORM nightjar_cluster.assert_leader(p_leader, p_linc, p_term);
          DELETE FROM nightjar_cluster.camera_assignment x
           WHERE x.camera_id = p_camera AND x.epoch = p_expected_epoch
          RETURNING * INTO a;
          IF NOT FOUND THEN RETURN false; END IF;
          UPDATE nightjar_cluster.camera_epoch e SET valid_to = now() WHERE e.camera_id = p_camera AND e.valid_to IS NULL;
          DELETE FROM nightjar_cluster.camera_bitrate b WHERE b.camera_id = p_camera;
          PERFORM nightjar_cluster.touch_node(a.owner_node, a.owner_incarnation);
          RETURN true;
        END $$;

        -- Planned move, step 1 (coordinator): ask the owner to stop; the epoch is unchanged (break-before-make, the
        -- DVR stream has one writer at a time).
        CREATE FUNCTION nightjar_cluster.release_request(p_leader text, p_linc bigint, p_term bigint, p_camera text,
            p_expected_epoch bigint, p_node text, p_inc bigint, p_timeout interval, p_reason text)
        RETURNS boolean LANGUAGE plpgsql AS $$
        DECLARE a nightjar_cluster.camera_assignment%ROWTYPE;
        BEGIN
          PERFORM nightjar_cluster.assert_leader(p_leader, p_linc, p_term);
          UPDATE nightjar_cluster.camera_assignment x
             SET state = 'releasing', target_node = p_node, target_incarnation = p_inc,
                 release_deadline = now() + p_timeout, release_requested_at = now(), reason = p_reason,
                 updated_term = p_term, updated_at = now()
           WHERE x.camera_id = p_camera AND x.epoch = p_expected_epoch AND x.state = 'active'
             AND (x.owner_node, x.owner_incarnation) IS DISTINCT FROM (p_node, p_inc)
             AND EXISTS (SELECT 1 FROM nightjar_cluster.cluster_node c
                          WHERE c.node_id = p_node AND c.incarnation = p_inc AND c.status = 'active')
          RETURNING * INTO a;
          IF NOT FOUND THEN RETURN false; END IF;
          PERFORM nightjar_cluster.touch_node(a.owner_node, a.owner_incarnation);
          RETURN true;
        END $$;

        -- Planned move, step 2 (owner, after its last segment is in the journal): the switch. Accepted after the
        -- deadline as long as no abort ran, because the owner has stopped recording either way.
        CREATE FUNCTION nightjar_cluster.release_complete(p_camera text, p_epoch bigint, p_node text, p_inc bigint)
        RETURNS bigint LANGUAGE plpgsql AS $$
        DECLARE v_now timestamptz := now(); v_new bigint; a nightjar_cluster.camera_assignment%ROWTYPE;
        BEGIN
          SELECT * INTO a FROM nightjar_cluster.camera_assignment x
           WHERE x.camera_id = p_camera AND x.epoch = p_epoch AND x.state = 'releasing'
             AND x.owner_node = p_node AND x.owner_incarnation = p_inc
           FOR UPDATE;
          IF NOT FOUND THEN RETURN NULL; END IF;
          UPDATE nightjar_cluster.camera_assignment x
             SET epoch = x.epoch + 1, owner_node = a.target_node, owner_incarnation = a.target_incarnation,
                 state = 'starting', target_node = NULL, target_incarnation = NULL, release_deadline = NULL,
                 failed_owner_heartbeat_at = NULL, moved_at = v_now, updated_at = v_now
           WHERE x.camera_id = p_camera
          RETURNING x.epoch INTO v_new;
          UPDATE nightjar_cluster.camera_epoch e SET valid_to = v_now WHERE e.camera_id = p_camera AND e.valid_to IS NULL;
          INSERT INTO nightjar_cluster.camera_epoch (camera_id, epoch, node_id, incarnation, valid_from, valid_to, reason, term)
          VALUES (p_camera, v_new, a.target_node, a.target_incarnation, v_now, NULL, COALESCE(a.reason, 'planned move'), a.updated_term);
          PERFORM nightjar_cluster.touch_node(a.target_node, a.target_incarnation);
          PERFORM nightjar_cluster.touch_node(p_node, p_inc);
          RETURN v_new;
        END $$;

        -- The new owner records: starting -> active. Returns how long the camera was without a recorder, from the
        -- dead owner's last heartbeat (failover) or from the release request (planned move), in DB time.
        CREATE FUNCTION nightjar_cluster.recording_started(p_camera text, p_epoch bigint, p_node text, p_inc bigint)
        RETURNS TABLE (reason text, failover_seconds double precision, handoff_seconds double precision)
        LANGUAGE plpgsql AS $$
        DECLARE a nightjar_cluster.camera_assignment%ROWTYPE;
        BEGIN
          SELECT * INTO a FROM nightjar_cluster.camera_assignment x
           WHERE x.camera_id = p_camera AND x.epoch = p_epoch AND x.owner_node = p_node
             AND x.owner_incarnation = p_inc AND x.state = 'starting'
           FOR UPDATE;
          IF NOT FOUND THEN RETURN; END IF;
          UPDATE nightjar_cluster.camera_assignment x
             SET state = 'active', failed_owner_heartbeat_at = NULL, release_requested_at = NULL, updated_at = now()
           WHERE x.camera_id = p_camera;
          RETURN QUERY SELECT a.reason,
                              extract(epoch FROM now() - a.failed_owner_heartbeat_at)::double precision,
                              extract(epoch FROM now() - a.release_requested_at)::double precision;
        END $$;

        -- Coordinator: a release the owner did not complete in time goes back to active on the owner.
        CREATE FUNCTION nightjar_cluster.release_abort_expired(p_leader text, p_linc bigint, p_term bigint)
        RETURNS SETOF text LANGUAGE plpgsql AS $$
        DECLARE r record;
        BEGIN
          PERFORM nightjar_cluster.assert_leader(p_leader, p_linc, p_term);
          FOR r IN
            UPDATE nightjar_cluster.camera_assignment x
               SET state = 'active', target_node = NULL, target_incarnation = NULL, release_deadline = NULL,
                   release_requested_at = NULL, updated_term = p_term, updated_at = now()
             WHERE x.state = 'releasing' AND x.release_deadline < now()
            RETURNING x.camera_id, x.owner_node, x.owner_incarnation
          LOOP
            PERFORM nightjar_cluster.touch_node(r.owner_node, r.owner_incarnation);
            RETURN NEXT r.camera_id;
          END LOOP;
        END $$;

        """;
}
