using System.Collections.Frozen;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Validation;

namespace Nightjar.Recording.EventFeed;

/// <summary>
/// Which events a reader wants: a set of types and a set of cameras, each "all" when null. An event without a camera
/// (<c>storage_alarm</c>) passes a camera filter only when the filter is absent.
/// </summary>
public sealed record FeedEventFilter(FrozenSet<string>? Types, FrozenSet<string>? Cameras)
{
    /// <summary>Most entries of one list (a bound on work per event and on the size of a stored sink).</summary>
    public const int MaxEntries = 100;

    public static FeedEventFilter All { get; } = new(null, null);

    /// <summary>True when the published type name and camera pass.</summary>
    public bool Matches(string type, string? camera) =>
        (Types is null || Types.Contains(type)) && (Cameras is null || (camera is not null && Cameras.Contains(camera)));

    public bool Matches(FeedEvent feedEvent)
    {
        ArgumentNullException.ThrowIfNull(feedEvent);
        return Matches(feedEvent.Type, feedEvent.Camera);
    }

    /// <summary>
    /// The filter of lists as given (<c>types=a,b</c> split by the caller): unknown types and invalid camera ids are
    /// errors naming <paramref name="typesField"/> / <paramref name="camerasField"/>. Empty or null lists mean "all".
    /// </summary>
    public static ValidationResult<FeedEventFilter> Create(
        IReadOnlyCollection<string>? types, IReadOnlyCollection<string>? cameras, string typesField, string camerasField)
    {
        var errors = new List<ValidationError>();
        if (types is { Count: > MaxEntries } || cameras is { Count: > MaxEntries })
        {
            errors.Add(new(types is { Count: > MaxEntries } ? typesField : camerasField, $"may name at most {MaxEntries} entries"));
            return ValidationResult.Failure<FeedEventFilter>(errors);
        }

        foreach (var type in types ?? [])
        {
            if (!FeedEventTypes.All.Contains(type))
            {
                errors.Add(new(typesField, $"'{Printable(type)}' is not an event type (known: {string.Join(", ", FeedEventTypes.All.Order(StringComparer.Ordinal))})"));
            }
        }

        foreach (var camera in cameras ?? [])
        {
            if (!CameraId.TryParse(camera, out _, out var error))
            {
                errors.Add(new(camerasField, $"'{Printable(camera)}': {error}"));
            }
        }

        return errors.Count > 0
            ? ValidationResult.Failure<FeedEventFilter>(errors)
            : ValidationResult.Success(new FeedEventFilter(
                types is { Count: > 0 } ? types.ToFrozenSet(StringComparer.Ordinal) : null,
                cameras is { Count: > 0 } ? cameras.ToFrozenSet(StringComparer.Ordinal) : null));
    }

    private static string Printable(string text)
    {
        var cut = text.Length > 64 ? text[..64] + "..." : text;
        return new string([.. cut.Select(c => char.IsControl(c) ? '?' : c)]);
    }
}
