using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Nightjar.Recording.Cameras;
using Nightjar.Recording.Events;
using Nightjar.Recording.Runtime;

namespace Nightjar.Server.Playback;

/// <summary>Resolves the <c>{camera}</c> and optional <c>{stream}</c> route values of a media request.</summary>
internal static class MediaPathResolver
{
    public const string CameraRouteKey = "camera";
    public const string StreamRouteKey = "stream";

    /// <summary>The media path, or a 404 problem saying what does not exist.</summary>
    public static bool TryResolve(HttpContext http, ICameraManager cameras, [NotNullWhen(true)] out MediaPath? path, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(cameras);
        var cameraText = Convert.ToString(http.GetRouteValue(CameraRouteKey), CultureInfo.InvariantCulture);
        var streamText = Convert.ToString(http.GetRouteValue(StreamRouteKey), CultureInfo.InvariantCulture);
        return TryResolve(cameras.Registry, cameraText, streamText, out path, out problem);
    }

    /// <summary>Same, from the texts (the recordings API takes the stream from its query).</summary>
    public static bool TryResolve(
        CameraRegistry registry,
        string? cameraText,
        string? streamText,
        [NotNullWhen(true)] out MediaPath? path,
        [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        ArgumentNullException.ThrowIfNull(registry);
        path = null;
        if (!CameraId.TryParse(cameraText, out var id, out _) || registry.Find(id) is not { } camera)
        {
            problem = PlaybackProblems.NotFound($"There is no camera '{Printable(cameraText)}' on this node.");
            return false;
        }

        if (!camera.Enabled)
        {
            problem = PlaybackProblems.NotFound($"Camera '{camera.Id}' is disabled: it records and serves nothing.");
            return false;
        }

        if (string.IsNullOrEmpty(streamText))
        {
            if (camera.Streams.IsEmpty)
            {
                problem = PlaybackProblems.NotFound($"Camera '{camera.Id}' has no stream.");
                return false;
            }

            path = new MediaPath(camera, camera.PrimaryStream.Name, NamesStream: false);
            problem = null;
            return true;
        }

        if (!StreamNames.IsValid(streamText) || camera.FindStream(streamText) is not { } stream)
        {
            problem = PlaybackProblems.NotFound($"Camera '{camera.Id}' has no stream '{Printable(streamText)}'.");
            return false;
        }

        path = new MediaPath(camera, stream.Name, NamesStream: true);
        problem = null;
        return true;
    }

    /// <summary>Echoes a client's text in a message only when it is short and plain (no control characters, no markup).</summary>
    internal static string Printable(string? text) =>
        text is { Length: > 0 and <= 64 } && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')
            ? text
            : "(invalid)";
}
