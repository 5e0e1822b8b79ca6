using System.Text;
using Nightjar.Recording.Devices.Multipart;

namespace Nightjar.Recording.Tests.Devices.Support;

/// <summary>Records what a multipart parser reports, as text for easy assertions.</summary>
internal sealed class CollectingListener : IMultipartListener
{
    public List<string> Parts { get; } = [];

    public List<string?> ContentTypes { get; } = [];

    public List<int> PartSizes { get; } = [];

    public List<MultipartError> Errors { get; } = [];

    public List<PartKind> Dropped { get; } = [];

    /// <summary>Everything in order: <c>part:</c>, <c>error:</c>, <c>dropped:</c>.</summary>
    public List<string> Log { get; } = [];

    public void OnPart(in MultipartPart part)
    {
        var text = part.Kind == PartKind.Image ? $"<image {part.Body.Length}>" : Encoding.UTF8.GetString(part.Body.Span);
        Parts.Add(text);
        ContentTypes.Add(part.ContentType);
        PartSizes.Add(part.Body.Length);
        Log.Add("part:" + text);
    }

    public void OnDropped(PartKind kind)
    {
        Dropped.Add(kind);
        Log.Add("dropped:" + kind);
    }

    public void OnError(MultipartError error)
    {
        Errors.Add(error);
        Log.Add("error:" + error);
    }
}
