using Microsoft.Extensions.Logging;
using Nightjar.Persistence;
using Nightjar.Recording.Access;
using Nightjar.Recording.EventFeed;

namespace Nightjar.Recording.EventSinks;

/// <summary>What every sink worker shares: the journal (its only shared input), the HTTP client, options, metrics and the clock.</summary>
internal sealed record EventSinkRuntime(
    IEventJournal Journal,
    ISecretProtector Protector,
    HttpClient Http,
    EventSinkOptions Options,
    EventsMetrics Metrics,
    TimeProvider Time,
    JournalHeadTracker Head,
    ILogger Logger);
