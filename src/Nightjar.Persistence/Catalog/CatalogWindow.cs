namespace Nightjar.Persistence.Catalog;

/// <summary>
/// A FindAsync request in stored units (microseconds). A segment overlaps <c>[FromUs, ToUs)</c> when it starts before
/// <see cref="ToUs"/> and ends after <see cref="FromUs"/>; a zero-length one when it starts inside the window.
/// <see cref="EarliestStartUs"/> (<see cref="FromUs"/> minus the longest allowed segment) turns that into an index range on start.
/// </summary>
internal readonly record struct CatalogWindow(string Source, string Stream, long EarliestStartUs, long FromUs, long ToUs, bool IncludeAllStates);
