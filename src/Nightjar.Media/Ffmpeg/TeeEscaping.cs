using System.Text;

namespace Nightjar.Media.Ffmpeg;

/// <summary>
/// Escaping for ffmpeg's <c>tee</c> muxer argument. The argument is read in layers: first split
/// into slaves on '|' (av_get_token), then each <c>[k=v:...]</c> list is parsed as a dictionary
/// (av_dict_parse_string), and a nested option list (<c>segment_format_options</c>,
/// <c>fifo_options</c>) once more: every layer eats one level of backslashes (media.md E14).
/// </summary>
internal static class TeeEscaping
{
    /// <summary>Builds <c>k1=v1:k2=v2</c> with keys and values escaped for one dictionary layer.</summary>
    public static string Dictionary(IEnumerable<KeyValuePair<string, string>> options)
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in options)
        {
            if (builder.Length > 0)
            {
                builder.Append(':');
            }

            builder.Append(Escape(key, ":=")).Append('=').Append(Escape(value, ":="));
        }

        return builder.ToString();
    }

    /// <summary>One slave, <c>[options]target</c>, escaped for the outer '|' split.</summary>
    public static string Slave(IEnumerable<KeyValuePair<string, string>> options, string target)
    {
        var list = Dictionary(options);

        // tee finds the end of the option list with a plain search for ']': it cannot be escaped.
        if (list.Contains(']', StringComparison.Ordinal))
        {
            throw new ArgumentException("A tee option value cannot contain ']'.", nameof(options));
        }

        return Escape("[" + list + "]" + target, "|");
    }

    /// <summary>Backslash-escapes '\', quotes and the given separators.</summary>
    public static string Escape(string value, string separators)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '\\' or '\'' || separators.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
