namespace Nightjar.Recording.Runtime;

/// <summary>What a node id may be: it becomes part of catalog root names and persistence ids, so no '/' and no control characters.</summary>
public static class NodeIds
{
    /// <summary>Longest node id.</summary>
    public const int MaxLength = 64;

    /// <summary>1 to <see cref="MaxLength"/> characters of ASCII letters, digits, '-', '_' and '.'.</summary>
    public static bool IsValid(string? node) =>
        !string.IsNullOrEmpty(node) && node.Length <= MaxLength
        && node.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    internal static void Ensure(string node, string parameterName)
    {
        if (!IsValid(node))
        {
            throw new ArgumentException($"A node id is 1 to {MaxLength} ASCII letters, digits, '-', '_' or '.': '{node}'.", parameterName);
        }
    }
}
