namespace Nightjar.Cluster.Coordination;

internal static partial class ClusterMigrations
{
    private const string Leader = """
        -- Succeeds when the lease expired more than the grace ago (or its holder is dead) and the candidate is active.
        -- A new term fences every write of the previous one (assert_leader).
        CREATE FUNCTION nightjar_cluster.leader_acquire(p_node text, p_inc bigint, p_ttl interval, p_grace interval)
        RETURNS TABLE (term bigint, rebalance_session_open boolean) LANGUAGE sql AS $$
          UPDATE nightjar_cluster.cluster_leader l
             SET holder_node = p_node, holder_incarnation = p_inc, term = l.term + 1,
                 acquired_at = now(), expires_at = now() + p_ttl
           WHERE l.id = 1
             AND (l.expires_at + p_grace < now()
                  OR NOT EXISTS (SELECT 1 FROM nightjar_cluster.cluster_node h
                                  WHERE h.node_id = l.holder_node AND h.incarnation = l.holder_incarnation AND h.status <> 'dead'))
             AND EXISTS (SELECT 1 FROM nightjar_cluster.cluster_node c
                          WHERE c.node_id = p_node AND c.incarnation = p_inc AND c.status = 'active')
          RETURNING l.term, l.rebalance_session_open;
        $$;

        -- Only a still-valid lease renews; an expired leader re-acquires with a new term and reloads its state.
        CREATE FUNCTION nightjar_cluster.leader_renew(p_node text, p_inc bigint, p_term bigint, p_ttl interval)
        RETURNS timestamptz LANGUAGE sql AS $$
          UPDATE nightjar_cluster.cluster_leader l SET expires_at = now() + p_ttl
           WHERE l.id = 1 AND l.holder_node = p_node AND l.holder_incarnation = p_inc
             AND l.term = p_term AND l.expires_at > now()
          RETURNING l.expires_at;
        $$;

        CREATE FUNCTION nightjar_cluster.leader_release(p_node text, p_inc bigint, p_term bigint)
        RETURNS boolean LANGUAGE sql AS $$
          UPDATE nightjar_cluster.cluster_leader l SET expires_at = '-infinity'
           WHERE l.id = 1 AND l.holder_node = p_node AND l.holder_incarnation = p_inc AND l.term = p_term
          RETURNING true;
        $$;

        -- First statement of every coordinator transaction. FOR SHARE makes a concurrent leader_acquire wait until
        -- this transaction ends, so a coordinator write is linearised before the next term.
        CREATE FUNCTION nightjar_cluster.assert_leader(p_node text, p_inc bigint, p_term bigint)
        RETURNS timestamptz LANGUAGE plpgsql AS $$
        DECLARE v_acquired timestamptz;
        BEGIN
          SELECT l.acquired_at INTO v_acquired FROM nightjar_cluster.cluster_leader l
           WHERE l.id = 1 AND l.holder_node = p_node AND l.holder_incarnation = p_inc
             AND l.term = p_term AND l.expires_at > now()
           FOR SHARE;
          IF NOT FOUND THEN
            RAISE EXCEPTION 'stale coordinator term % for %/%', p_term, p_node, p_inc USING ERRCODE = 'NJL01';
          END IF;
          RETURN v_acquired;
        END $$;

        CREATE FUNCTION nightjar_cluster.leader_set_session(p_node text, p_inc bigint, p_term bigint, p_open boolean)
        RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM nightjar_cluster.assert_leader(p_node, p_inc, p_term);
          UPDATE nightjar_cluster.cluster_leader SET rebalance_session_open = p_open WHERE id = 1;
        END $$;

        -- Death is declared only here, by the leader, after its warm-up (every node gets one full TTL to renew
        -- against a new leader) and after the database-restart grace (nobody dies because PostgreSQL restarted).
        CREATE FUNCTION nightjar_cluster.declare_expired_nodes(p_leader text, p_linc bigint, p_term bigint,
                                                               p_ttl interval, p_grace interval)
        RETURNS TABLE (node_id text, incarnation bigint)
        LANGUAGE plpgsql AS $$
        DECLARE v_acquired timestamptz;
        BEGIN
          v_acquired := nightjar_cluster.assert_leader(p_leader, p_linc, p_term);
          IF now() < pg_postmaster_start_time() + p_ttl + p_grace THEN
            RETURN;
          END IF;
          -- Warm-up: during its first TTL a new leader declares only nodes whose lease had run out before it took over
          -- (by database time, e.g. the previous coordinator's own node): waiting a TTL more for them made a killed
          -- coordinator's cameras wait about 24 s instead of 14.
          RETURN QUERY
            UPDATE nightjar_cluster.cluster_node c
               SET status = 'dead', dead_reason = 'lease expired', declared_dead_at = now()
             WHERE c.status <> 'dead' AND c.lease_expires_at + p_grace < now()
               AND (now() >= v_acquired + p_ttl OR c.lease_expires_at < v_acquired)
            RETURNING c.node_id, c.incarnation;
          IF FOUND THEN
            PERFORM nightjar_cluster.membership_changed();
          END IF;
        END $$;

        """;
}
