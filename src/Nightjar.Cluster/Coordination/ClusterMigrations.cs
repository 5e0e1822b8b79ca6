namespace Nightjar.Cluster.Coordination;

/// <summary>
/// The cluster's schema (<c>nightjar_cluster</c>, cluster-schema.sql adapted), as ordered steps of the component
/// "cluster" in the journal's <c>schema_migrations</c>. Append new steps; never edit a released one.
/// </summary>
internal static partial class ClusterMigrations
{
    public const string Component = "cluster";

    public static IReadOnlyList<(int Version, string Name, string Sql)> All { get; } =
    [
        (1, "create_cluster", string.Concat(RequireJournal, Tables, Membership, Leader, Assignments, Fence)),
    ];

    // The fence is a trigger on the journal, so the journal's own migrations must have run first.
    private const string RequireJournal = """
        DO $$
        BEGIN
          IF to_regclass('event_journal') IS NULL THEN
            RAISE EXCEPTION 'the cluster schema needs the event journal: run the journal migrations first';
          END IF;
        END $$;

        """;
}
