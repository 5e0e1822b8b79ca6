namespace Nightjar.Persistence.Catalog;

/// <summary>Where an OldestAsync page continues: after this (start, id) in "ORDER BY start_us, id".</summary>
internal readonly record struct CatalogCursor(long StartUs, long Id);
