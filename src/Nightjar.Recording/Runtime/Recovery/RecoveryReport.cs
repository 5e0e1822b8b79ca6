namespace Nightjar.Recording.Runtime.Recovery;

/// <summary>What the start-up reconciliation did.</summary>
/// <param name="Streams">Stream directories and catalog streams checked.</param>
/// <param name="Adopted">Files recorded from disk that the index did not have.</param>
/// <param name="Lost">Indexed files found missing or broken (and corrupt files found on disk).</param>
/// <param name="CatalogEvents">Journal events the catalog had missed and now applied.</param>
internal sealed record RecoveryReport(int Streams, int Adopted, int Lost, int CatalogEvents);
