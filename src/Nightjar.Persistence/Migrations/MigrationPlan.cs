namespace Nightjar.Persistence.Migrations;

/// <summary>Engine-neutral rules for deciding which steps to apply.</summary>
internal static class MigrationPlan
{
    /// <summary>The journal's component name in schema_migrations; other areas (cluster, the segment catalog) keep their own steps in the same table.</summary>
    public const string Component = "journal";

    /// <summary>Checks that versions run 1, 2, 3... with names, so a typo cannot silently skip or reorder a step.</summary>
    public static void Validate(IReadOnlyList<JournalMigration> migrations, string component = Component)
    {
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1 || string.IsNullOrWhiteSpace(migrations[i].Name) || string.IsNullOrWhiteSpace(migrations[i].Sql))
            {
                throw new InvalidOperationException($"{Title(component)} migration #{i + 1} ('{migrations[i].Name}', version {migrations[i].Version}) is malformed: versions must be 1, 2, 3... with a name and SQL.");
            }
        }
    }

    /// <summary>
    /// The steps still to apply. A recorded step whose name differs from ours means this database was migrated by a
    /// diverging build, which must stop the node rather than guess.
    /// </summary>
    public static IReadOnlyList<JournalMigration> Missing(IReadOnlyList<JournalMigration> migrations, IReadOnlyList<AppliedMigration> applied, string component = Component)
    {
        Validate(migrations, component);
        var appliedByVersion = applied.ToDictionary(a => a.Version);
        var missing = new List<JournalMigration>();
        foreach (var migration in migrations)
        {
            if (!appliedByVersion.TryGetValue(migration.Version, out var existing))
            {
                missing.Add(migration);
            }
            else if (!string.Equals(existing.Name, migration.Name, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{Title(component)} schema version {migration.Version} is recorded as '{existing.Name}' but this build calls it '{migration.Name}': the database was migrated by a different build.");
            }
        }

        return missing;
    }

    // "journal" -> "Journal": the messages read as before for the journal and name any other component.
    private static string Title(string component) =>
        component.Length == 0 ? component : char.ToUpperInvariant(component[0]) + component[1..];
}
