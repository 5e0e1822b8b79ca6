using Microsoft.Extensions.Logging;
using Nightjar.Persistence;
using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Runtime;

namespace Nightjar.Recording.Retention;

/// <summary>What every root's retention actor shares: the node's stores, sources and instruments.</summary>
internal sealed record RetentionContext(
    RetentionOptions Options,
    int RootCount,
    IEventJournal Journal,
    ISegmentCatalog Catalog,
    ICameraManager Cameras,
    IProtectionSource Protection,
    ISegmentPins Pins,
    IStorageSpaceProbe Space,
    TimeProvider Time,
    RetentionMetrics Metrics,
    ILoggerFactory LoggerFactory);
