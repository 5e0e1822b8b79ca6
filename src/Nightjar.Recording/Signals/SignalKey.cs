using System.Globalization;

namespace Nightjar.Recording.Signals;

/// <summary>
/// What one ongoing condition is identified by: who reports it, its type (case-insensitive), its region and channel.
/// Two devices' "VMD" or two regions of one line detector are separate conditions; the detection target is not part
/// of the key (a region that saw a human then a vehicle is one ongoing event).
/// </summary>
internal readonly record struct SignalKey(string Source, string Type, string? Region, int? Channel)
{
    public static SignalKey Of(string source, string type, string? region, int? channel) =>
        new(source.ToLowerInvariant(), type.ToLowerInvariant(), region, channel);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Source}/{Type}/{Region ?? "-"}/{Channel?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
}
