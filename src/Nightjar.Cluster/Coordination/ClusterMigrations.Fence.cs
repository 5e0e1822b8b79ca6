namespace Nightjar.Cluster.Coordination;

internal static partial class ClusterMigrations
{
    // The fence at the resource: a session that names its process instance (nightjar.instance, set through the
    // connection string's Options) may append to a camera's DVR stream only while that instance's live incarnation
    // owns the camera. FOR SHARE on the assignment row linearises the append against every epoch bump, which takes
    // FOR UPDATE. Sessions without the setting (tools, tests, a single node) are not fenced.
    private const string Fence = """
        CREATE FUNCTION nightjar_cluster.fence_dvr_append() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE v_instance text := current_setting('nightjar.instance', true); v_camera text;
        BEGIN
          IF v_instance IS NULL OR v_instance = '' OR NEW.persistence_id NOT LIKE 'dvr/%' THEN
            RETURN NEW;
          END IF;
          v_camera := split_part(NEW.persistence_id, '/', 2);
          PERFORM 1 FROM nightjar_cluster.camera_assignment a
            JOIN nightjar_cluster.cluster_node n ON n.node_id = a.owner_node AND n.incarnation = a.owner_incarnation
           WHERE a.camera_id = v_camera AND n.status <> 'dead' AND n.instance_id::text = lower(v_instance)
           FOR SHARE OF a;
          IF NOT FOUND THEN
            RAISE EXCEPTION 'camera % is not owned by instance %: DVR append refused', v_camera, v_instance
              USING ERRCODE = 'NJF01';
          END IF;
          RETURN NEW;
        END $$;

        CREATE TRIGGER nightjar_cluster_fence BEFORE INSERT ON event_journal
          FOR EACH ROW EXECUTE FUNCTION nightjar_cluster.fence_dvr_append();
        """;
}
