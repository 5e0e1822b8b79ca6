using System.Text.Json.Serialization;
using Nightjar.Recording.Validation;

namespace Nightjar.Recording.Policies;

/// <summary>How long and how much of a camera's recordings are kept (the <c>dvr</c> block of a camera).</summary>
/// <param name="Depth">Age after which recordings expire; <see cref="DepthLimit.Unlimited"/> keeps them until space runs out (the default).</param>
/// <param name="MotionDepth">
/// DESIGN.md: extra time for recordings around motion, in addition to <paramref name="Depth"/>; null when motion
/// gets no special treatment, <see cref="DepthLimit.Unlimited"/> to keep motion until space runs out.
/// </param>
/// <param name="Space">Per-camera space cap (<c>100GB</c>); null when only the storage root's limit applies.</param>
/// <param name="PreAlarm">Time before a motion start that counts as "around motion" (default 10 s, as Flussonic).</param>
/// <param name="PostAlarm">Time after a motion stop that counts as "around motion" (default 30 s).</param>
public sealed record DvrPolicy(
    DepthLimit Depth,
    DepthLimit? MotionDepth,
    ByteSize? Space,
    [property: JsonConverter(typeof(DurationJsonConverter))] TimeSpan PreAlarm,
    [property: JsonConverter(typeof(DurationJsonConverter))] TimeSpan PostAlarm)
{
    public static readonly TimeSpan DefaultPreAlarm = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan DefaultPostAlarm = TimeSpan.FromSeconds(30);

    /// <summary>Longest pre- or post-alarm window: longer ones would mark whole days as motion.</summary>
    public static readonly TimeSpan MaxAlarmWindow = TimeSpan.FromHours(1);

    /// <summary>Unlimited depth, no motion depth, no space cap, 10 s / 30 s alarm windows: the policy of a camera without a <c>dvr</c> block.</summary>
    public static DvrPolicy Default { get; } = new(DepthLimit.Unlimited, null, null, DefaultPreAlarm, DefaultPostAlarm);

    /// <summary>The invariants a stored policy must hold; empty when it is valid.</summary>
    /// <param name="field">Prefix of the field paths in the errors (<c>dvr</c> in a camera request).</param>
    public IEnumerable<ValidationError> Validate(string field = "dvr")
    {
        if (Space is { Bytes: <= 0 })
        {
            yield return new(field + ".space", "must be greater than zero");
        }

        foreach (var (name, window) in new[] { ("preAlarm", PreAlarm), ("postAlarm", PostAlarm) })
        {
            if (window < TimeSpan.Zero || window > MaxAlarmWindow)
            {
                yield return new($"{field}.{name}", "must be between 0s and " + DurationText.Format(MaxAlarmWindow));
            }
        }
    }
}
