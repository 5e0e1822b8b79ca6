using Nightjar.Recording.Devices.Multipart;

namespace Nightjar.Recording.Devices.Hikvision;

/// <summary>
/// Turns the parts of one alert stream connection into <see cref="AlertItem"/>s: XML and JSON documents into events,
/// kept images into copies, stream damage into errors. The parser calls it synchronously; the connection then drains
/// <see cref="Items"/> and does the asynchronous work (delivery) outside the parser.
/// </summary>
internal sealed class AlertStreamDecoder : IMultipartListener
{
    private readonly List<AlertItem> _items = [];
    private int? _lastChannel;

    /// <summary>What was found since the last <see cref="Clear"/>.</summary>
    public IReadOnlyList<AlertItem> Items => _items;

    public void Clear() => _items.Clear();

    public void OnPart(in MultipartPart part)
    {
        if (part.Kind == PartKind.Image)
        {
            _items.Add(new AlertItem(AlertItemKind.Image, Image: part.Body.ToArray(), Channel: _lastChannel));
            return;
        }

        // Leading whitespace goes (an XML declaration must come first); an empty part says nothing and is skipped.
        var start = part.Body.Span.IndexOfAnyExcept(" \t\r\n"u8);
        if (start < 0)
        {
            return;
        }

        var body = part.Body[start..];
        var isJson = body.Span[0] == '{';
        var parsed = isJson
            ? EventNotificationJson.Parse(body, out var error)
            : EventNotificationXml.Parse(body, out error);
        if (parsed is null)
        {
            _items.Add(new AlertItem(AlertItemKind.Error, Error: isJson ? ParseErrorKind.Json : ParseErrorKind.Xml, Detail: error));
            return;
        }

        _lastChannel = parsed.Channel;
        _items.Add(new AlertItem(AlertItemKind.Event, Event: parsed));
    }

    public void OnDropped(PartKind kind) => _items.Add(new AlertItem(AlertItemKind.Dropped));

    public void OnError(MultipartError error) => _items.Add(new AlertItem(
        AlertItemKind.Error,
        Error: error switch
        {
            MultipartError.Truncated => ParseErrorKind.Truncated,
            MultipartError.Oversized => ParseErrorKind.Oversized,
            _ => ParseErrorKind.Boundary,
        },
        Detail: error switch
        {
            MultipartError.Truncated => "a part ended before its body was complete",
            MultipartError.Oversized => "a part exceeded its size cap and was skipped",
            _ => "a broken multipart delimiter; skipped to the next one",
        }));
}
