using Nightjar.Persistence.Catalog;
using Nightjar.Recording.Events;

namespace Nightjar.Recording.Retention;

/// <summary>One segment a pass deletes, why, and what protected it.</summary>
internal sealed record PlannedDeletion(CatalogSegment Segment, SegmentDeletionReason Reason, SegmentProtection Protection);
