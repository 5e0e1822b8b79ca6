using System.Text;

namespace Nightjar.Recording.Cameras.Api;

/// <summary>Field paths as shown in errors: <c>streams[0].url</c>, bounded and printable whatever the input was.</summary>
internal static class JsonFieldPath
{
    /// <summary>Longest path shown; a 60 KB unknown field name must not come back 60 KB long.</summary>
    public const int MaxLength = 200;

    public static string Child(string parent, string name) => Display(parent.Length == 0 ? name : parent + "." + name);

    public static string Item(string parent, int index) => parent + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

    /// <summary>A System.Text.Json path (<c>$.streams[0].url</c>) in the form the API shows (<c>streams[0].url</c>).</summary>
    public static string FromJsonPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return Validation.ValidationError.Body;
        }

        var trimmed = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..]
            : path.StartsWith('$') ? path[1..]
            : path;
        return Display(trimmed);
    }

    /// <summary>Truncates and replaces control characters so a path is safe in a response or a log line.</summary>
    public static string Display(string path)
    {
        var builder = new StringBuilder(Math.Min(path.Length, MaxLength + 1));
        foreach (var c in path.Length > MaxLength ? path.AsSpan(0, MaxLength) : path.AsSpan())
        {
            builder.Append(char.IsControl(c) || char.IsSurrogate(c) ? '?' : c);
        }

        return path.Length > MaxLength ? builder.Append('…').ToString() : builder.ToString();
    }
}
