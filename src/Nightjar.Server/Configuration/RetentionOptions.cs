using System.Globalization;
using Nightjar.Recording.Policies;

namespace Nightjar.Server.Configuration;

/// <summary>
/// How the node's retention runs (<c>Retention:PassIntervalSeconds</c>, <c>Retention:MinFree</c>, ...). What is kept is
/// the cameras' <c>dvr</c> policies and the storage roots' limits; this section only says how often and how hard
/// retention works on them.
/// </summary>
internal sealed class RetentionOptions : INightjarOptions
{
    public const string DefaultMinFree = "1GB";

    /// <summary>A week: a motion that has not stopped after that is a stuck sensor, not an incident.</summary>
    public const int MaxMaxMotionMinutes = 7 * 24 * 60;

    public static string SectionName => "Retention";

    /// <summary>Seconds between two scheduled passes (a pass also runs at once on a camera change or low free space).</summary>
    public int PassIntervalSeconds { get; set; } = 60;

    /// <summary>Seconds between two checks of the filesystems' free space against <see cref="MinFree"/>.</summary>
    public int FreeSpaceCheckIntervalSeconds { get; set; } = 5;

    /// <summary>Most segments one pass deletes, so a shortened depth does not starve the writers with one burst of unlinks.</summary>
    public int MaxDeletionsPerPass { get; set; } = 500;

    /// <summary>Free space below which a filesystem "would fill": emergency deletions, evidence locks last.</summary>
    public string MinFree { get; set; } = DefaultMinFree;

    /// <summary>A motion still open after this long counts as closed at start plus this.</summary>
    public int MaxMotionMinutes { get; set; } = 60;

    public TimeSpan PassInterval => TimeSpan.FromSeconds(PassIntervalSeconds);

    public TimeSpan FreeSpaceCheckInterval => TimeSpan.FromSeconds(FreeSpaceCheckIntervalSeconds);

    public TimeSpan MaxMotionLength => TimeSpan.FromMinutes(MaxMotionMinutes);

    /// <summary>Only valid after validation passed.</summary>
    public long GetMinFreeBytes() => ByteSize.Parse(MinFree).Bytes;

    public void Validate(ConfigurationErrorCollector errors)
    {
        errors.Range(nameof(PassIntervalSeconds), PassIntervalSeconds, 1, 86_400);
        errors.Range(nameof(FreeSpaceCheckIntervalSeconds), FreeSpaceCheckIntervalSeconds, 1, 3_600);
        errors.Range(nameof(MaxDeletionsPerPass), MaxDeletionsPerPass, 1, 100_000);
        errors.Range(nameof(MaxMotionMinutes), MaxMotionMinutes, 1, MaxMaxMotionMinutes);
        if (!ByteSize.TryParse(MinFree, out var minFree, out var error))
        {
            errors.Add(nameof(MinFree), $"{error} (got '{Printable(MinFree)}')");
        }
        else if (minFree.Bytes <= 0)
        {
            // Zero would let the disk fill completely before an emergency pass, and ffmpeg fail its writes.
            errors.Add(nameof(MinFree), string.Create(CultureInfo.InvariantCulture, $"must be greater than zero (got '{MinFree}')"));
        }
    }

    /// <summary>Keeps the error on one line and short whatever the value held.</summary>
    private static string Printable(string? value)
    {
        var text = value ?? string.Empty;
        var shortened = text.Length > ByteSize.MaxLength ? text[..ByteSize.MaxLength] + "..." : text;
        return string.Concat(shortened.Select(c => char.IsControl(c) ? '?' : c));
    }
}
