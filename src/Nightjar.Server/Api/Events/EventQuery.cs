using System.Globalization;
using Microsoft.Extensions.Primitives;
using Nightjar.Persistence;
using Nightjar.Recording.EventFeed;
using Nightjar.Recording.Validation;
using Nightjar.Server.Security;

namespace Nightjar.Server.Api.Events;

/// <summary>The query of <c>GET /api/v1/events</c> and <c>/events/stream</c>: <c>after</c>, <c>types</c>, <c>camera</c>, <c>limit</c>.</summary>
internal sealed record EventQuery(JournalOffset After, FeedEventFilter Filter, int Limit)
{
    public const string LastEventIdHeader = "Last-Event-ID";

    /// <summary>Parses the query; <paramref name="problem"/> is a 400 naming the parameter when it cannot be used.</summary>
    /// <param name="request">The request.</param>
    /// <param name="useLastEventId">For the stream: a <c>Last-Event-ID</c> header (a reconnecting EventSource) wins over <c>after</c>.</param>
    /// <param name="query">The parsed query.</param>
    /// <param name="problem">The 400 answer.</param>
    public static bool TryParse(HttpRequest request, bool useLastEventId, out EventQuery query, out IResult problem)
    {
        var errors = new List<ValidationError>();
        var after = JournalOffset.Start;
        var lastEventId = useLastEventId ? request.Headers[LastEventIdHeader] : StringValues.Empty;
        var (afterField, afterText) = !StringValues.IsNullOrEmpty(lastEventId)
            ? (LastEventIdHeader, lastEventId)
            : ("after", request.Query["after"]);
        if (afterText.Count > 1)
        {
            errors.Add(new(afterField, "is given more than once"));
        }
        else if (!StringValues.IsNullOrEmpty(afterText) && !JournalOffset.TryParse(afterText.ToString(), out after))
        {
            errors.Add(new(afterField, "is not an event id (use the 'id' of an event or the 'next' of a page, e.g. '0-42')"));
        }

        var limit = EventHistory.DefaultLimit;
        var limitText = request.Query["limit"];
        if (limitText.Count > 1
            || (!StringValues.IsNullOrEmpty(limitText)
                && (!int.TryParse(limitText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > EventHistory.MaxLimit)))
        {
            errors.Add(new("limit", $"must be a whole number from 1 to {EventHistory.MaxLimit}"));
        }

        var filter = FeedEventFilter.Create(ListOf(request.Query["types"]), ListOf(request.Query["camera"]), "types", "camera");
        errors.AddRange(filter.Errors);
        if (errors.Count > 0)
        {
            query = null!;
            problem = FieldProblems.BadRequest(errors);
            return false;
        }

        query = new EventQuery(after, filter.Value!, limit);
        problem = null!;
        return true;
    }

    /// <summary><c>types=a,b&amp;types=c</c> → [a, b, c]; empty entries are ignored.</summary>
    private static string[]? ListOf(StringValues values) =>
        StringValues.IsNullOrEmpty(values)
            ? null
            : [.. values.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}
