namespace Nightjar.Recording.Tests.Devices.Support;

/// <summary>The <c>name=value, name="value"</c> list of a Digest Authorization header.</summary>
internal static class DigestFields
{
    public static Dictionary<string, string> Parse(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var position = 0;
        while (position < text.Length)
        {
            while (position < text.Length && (text[position] == ',' || char.IsWhiteSpace(text[position])))
            {
                position++;
            }

            var equals = text.IndexOf('=', position);
            if (equals < 0)
            {
                break;
            }

            var name = text[position..equals].Trim();
            position = equals + 1;
            string value;
            if (position < text.Length && text[position] == '"')
            {
                var close = text.IndexOf('"', position + 1);
                close = close < 0 ? text.Length : close;
                value = text[(position + 1)..close];
                position = close + 1;
            }
            else
            {
                var comma = text.IndexOf(',', position);
                comma = comma < 0 ? text.Length : comma;
                value = text[position..comma].Trim();
                position = comma;
            }

            fields[name] = value;
        }

        return fields;
    }
}
