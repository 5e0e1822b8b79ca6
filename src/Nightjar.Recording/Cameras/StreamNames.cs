using System.Diagnostics.CodeAnalysis;

namespace Nightjar.Recording.Cameras;

/// <summary>Stream names (<c>main</c>, <c>sub</c>): <c>[a-z0-9_-]{1,32}</c>, unique within a camera, compared ordinally.</summary>
public static class StreamNames
{
    public const int MaxLength = 32;

    /// <summary>How stream names compare: exactly, byte for byte.</summary>
    public static StringComparer Comparer => StringComparer.Ordinal;

    public static bool IsValid([NotNullWhen(true)] string? name) => Slug.IsValid(name, MaxLength);
}
