namespace Nightjar.Persistence.Migrations;

/// <summary>One named, versioned schema step. Released steps are never edited: a change is a new step.</summary>
internal sealed record JournalMigration(int Version, string Name, string Sql);
