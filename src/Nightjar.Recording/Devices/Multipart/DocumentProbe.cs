using System.Buffers;

namespace Nightjar.Recording.Devices.Multipart;

/// <summary>
/// Cheap checks that a part without <c>Content-Length</c> already holds a whole XML or JSON document, so it can be
/// delivered before the device sends the next delimiter. A false "complete" is harmless (the document fails to parse
/// and is counted); a false "incomplete" only delays delivery until the delimiter.
/// </summary>
internal static class DocumentProbe
{
    private static readonly SearchValues<byte> NameEnd = SearchValues.Create(" \t\r\n/>"u8);

    public static bool IsComplete(ReadOnlySpan<byte> body)
    {
        var text = body.Trim(" \t\r\n"u8);
        if (text.Length < 2)
        {
            return false;
        }

        return text[0] switch
        {
            (byte)'<' => IsCompleteXml(text),
            (byte)'{' => IsCompleteJson(text),
            _ => false,
        };
    }

    /// <summary>The document ends with the end tag of its root element.</summary>
    private static bool IsCompleteXml(ReadOnlySpan<byte> text)
    {
        if (text[^1] != '>')
        {
            return false;
        }

        var root = RootName(text);
        if (root.IsEmpty)
        {
            return false;
        }

        var lastTag = text.LastIndexOf((byte)'<');
        if (lastTag < 0 || lastTag + 2 >= text.Length || text[lastTag + 1] != '/')
        {
            return false;
        }

        var name = text[(lastTag + 2)..^1].TrimEnd(" \t\r\n"u8);
        return name.SequenceEqual(root);
    }

    private static ReadOnlySpan<byte> RootName(ReadOnlySpan<byte> text)
    {
        var position = 0;
        while (position < text.Length)
        {
            var open = text[position..].IndexOf((byte)'<');
            if (open < 0 || position + open + 1 >= text.Length)
            {
                return default;
            }

            var start = position + open + 1;
            if (text[start] is (byte)'?' or (byte)'!')
            {
                // Declaration or comment: skip to its end.
                var close = text[start..].IndexOf((byte)'>');
                if (close < 0)
                {
                    return default;
                }

                position = start + close + 1;
                continue;
            }

            var nameLength = text[start..].IndexOfAny(NameEnd);
            return nameLength <= 0 ? default : text.Slice(start, nameLength);
        }

        return default;
    }

    /// <summary>Braces balance for the first time exactly at the last byte (strings and escapes respected).</summary>
    private static bool IsCompleteJson(ReadOnlySpan<byte> text)
    {
        if (text[^1] != '}')
        {
            return false;
        }

        var depth = 0;
        var inString = false;
        var escaped = false;
        for (var i = 0; i < text.Length; i++)
        {
            var b = text[i];
            if (inString)
            {
                if (escaped)
                {
                    escaped = false;
                }
                else if (b == '\\')
                {
                    escaped = true;
                }
                else if (b == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (b)
            {
                case (byte)'"':
                    inString = true;
                    break;
                case (byte)'{' or (byte)'[':
                    depth++;
                    break;
                case (byte)'}' or (byte)']':
                    depth--;
                    if (depth <= 0)
                    {
                        return depth == 0 && i == text.Length - 1;
                    }

                    break;
            }
        }

        return false;
    }
}
