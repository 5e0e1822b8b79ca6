using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Nightjar.Recording.Cameras;

/// <summary>
/// A camera's id: <c>[a-z0-9_-]{1,64}</c>, not one of the <see cref="Reserved"/> first path segments.
/// It appears in URLs (<c>/{camera}/index.m3u8</c>), directory names and journal keys, and never changes.
/// </summary>
[JsonConverter(typeof(CameraIdJsonConverter))]
public readonly record struct CameraId : IComparable<CameraId>
{
    public const int MaxLength = 64;

    private readonly string? _value;

    /// <exception cref="ArgumentException">The text is not a valid camera id.</exception>
    public CameraId(string value)
    {
        if (!TryValidate(value, out var error))
        {
            throw new ArgumentException("Camera id " + error + ".", nameof(value));
        }

        _value = value;
    }

    /// <summary>Ids that would shadow the server's own paths (DESIGN.md, Interfaces).</summary>
    public static IReadOnlySet<string> Reserved { get; } =
        new[] { "api", "openapi", "health", "ui", "metrics" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The id text; empty for <c>default(CameraId)</c>.</summary>
    public string Value => _value ?? string.Empty;

    public static bool IsValid([NotNullWhen(true)] string? text) => TryValidate(text, out _);

    public static bool TryParse([NotNullWhen(true)] string? text, out CameraId id, [NotNullWhen(false)] out string? error)
    {
        if (!TryValidate(text, out error))
        {
            id = default;
            return false;
        }

        id = new CameraId(text);
        return true;
    }

    public int CompareTo(CameraId other) => string.CompareOrdinal(Value, other.Value);

    public static bool operator <(CameraId left, CameraId right) => left.CompareTo(right) < 0;

    public static bool operator <=(CameraId left, CameraId right) => left.CompareTo(right) <= 0;

    public static bool operator >(CameraId left, CameraId right) => left.CompareTo(right) > 0;

    public static bool operator >=(CameraId left, CameraId right) => left.CompareTo(right) >= 0;

    public override string ToString() => Value;

    private static bool TryValidate([NotNullWhen(true)] string? text, [NotNullWhen(false)] out string? error)
    {
        if (string.IsNullOrEmpty(text))
        {
            error = "is required";
            return false;
        }

        if (!Slug.IsValid(text, MaxLength))
        {
            error = string.Create(CultureInfo.InvariantCulture, $"must be 1 to {MaxLength} characters of a-z, 0-9, '_' and '-'");
            return false;
        }

        if (Reserved.Contains(text))
        {
            error = "is reserved (" + string.Join(", ", Reserved.Order(StringComparer.Ordinal)) + " are taken by the server)";
            return false;
        }

        error = null;
        return true;
    }
}
