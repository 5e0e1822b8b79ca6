namespace Nightjar.Persistence.Migrations;

/// <summary>A row of schema_migrations.</summary>
internal sealed record AppliedMigration(int Version, string Name);
