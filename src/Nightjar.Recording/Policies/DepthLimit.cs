using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Nightjar.Recording.Policies;

/// <summary>
/// How long recordings are kept: a positive duration (<c>7d</c>) or <c>unlimited</c> (kept until space runs out).
/// <c>default(DepthLimit)</c> is <see cref="Unlimited"/>.
/// </summary>
[JsonConverter(typeof(DepthLimitJsonConverter))]
public readonly record struct DepthLimit
{
    /// <summary>The text of <see cref="Unlimited"/>.</summary>
    public const string UnlimitedText = "unlimited";

    private DepthLimit(TimeSpan duration) => Duration = duration;

    /// <summary>The depth; null when <see cref="IsUnlimited"/>.</summary>
    public TimeSpan? Duration { get; }

    public bool IsUnlimited => Duration is null;

    public static DepthLimit Unlimited => default;

    /// <summary>A depth of a positive whole number of seconds, at most <see cref="DurationText.MaxValue"/>.</summary>
    public static DepthLimit Of(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero || duration > DurationText.MaxValue || duration.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A depth must be a positive whole number of seconds, at most 36500d.");
        }

        return new DepthLimit(duration);
    }

    public static DepthLimit Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    /// <summary>Accepts <c>unlimited</c> (any case) or a positive <see cref="DurationText"/> duration.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out DepthLimit value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        if (string.Equals(text, UnlimitedText, StringComparison.OrdinalIgnoreCase))
        {
            error = null;
            return true;
        }

        if (!DurationText.TryParse(text, out var duration, out error))
        {
            error += " or 'unlimited'";
            return false;
        }

        if (duration <= TimeSpan.Zero)
        {
            error = "must be greater than zero (or 'unlimited')";
            return false;
        }

        value = new DepthLimit(duration);
        return true;
    }

    /// <summary><c>unlimited</c> or the canonical duration (<c>7d</c>).</summary>
    public override string ToString() => Duration is { } d ? DurationText.Format(d) : UnlimitedText;
}
