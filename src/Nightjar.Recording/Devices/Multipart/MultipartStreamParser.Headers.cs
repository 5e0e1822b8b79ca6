using System.Globalization;
using System.Text;

namespace Nightjar.Recording.Devices.Multipart;

internal sealed partial class MultipartStreamParser
{
    private bool Headers()
    {
        var span = _buffer.AsSpan(0, Math.Min(_count, _limits.MaxHeaderBytes));
        var position = 0;
        while (true)
        {
            var lf = span[position..].IndexOf((byte)'\n');
            if (lf < 0)
            {
                break;
            }

            var line = span.Slice(position, lf).TrimEnd((byte)'\r');
            if (line.IsEmpty)
            {
                ReadHeaders(span[..position]);
                Consume(position + lf + 1);
                StartBody();
                return true;
            }

            position += lf + 1;
        }

        if (_count < _limits.MaxHeaderBytes)
        {
            return false;
        }

        Fail(MultipartError.Oversized);
        return true;
    }

    private void ReadHeaders(ReadOnlySpan<byte> block)
    {
        _contentType = null;
        _remaining = null;
        foreach (var range in block.Split((byte)'\n'))
        {
            var line = block[range].TrimEnd((byte)'\r');
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }

            var name = Encoding.Latin1.GetString(line[..colon]).Trim();
            var value = Encoding.Latin1.GetString(line[(colon + 1)..]).Trim();
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                _contentType = value.Length > 256 ? value[..256] : value;
            }
            else if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                _remaining = length;
            }
        }
    }

    private void StartBody()
    {
        _kind = Classify(_contentType);
        _cap = _kind switch
        {
            PartKind.Text => _limits.MaxTextPartBytes,
            PartKind.Image when _limits.KeepImages => _limits.MaxImagePartBytes,
            _ => 0,
        };
        _keep = _cap > 0;
        _reported = false;
        _scanned = 0;
        if (_keep && _remaining > _cap)
        {
            _listener.OnError(MultipartError.Oversized);
            _keep = false;
            _reported = true;
        }

        _state = State.Body;
    }

    internal static PartKind Classify(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return PartKind.Text;
        }

        var media = contentType.AsSpan();
        var semicolon = media.IndexOf(';');
        media = (semicolon >= 0 ? media[..semicolon] : media).Trim();
        if (media.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
        {
            return PartKind.Image;
        }

        return media.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("xml", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("json", StringComparison.OrdinalIgnoreCase)
            ? PartKind.Text
            : PartKind.Other;
    }
}
