using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Nightjar.Server.Playback;

/// <summary>The download name of an export: <c>lobby-main-20261121T000000Z-60s.mp4</c> (ids and digits only, no quoting issues).</summary>
internal static class ExportFileName
{
    public static string Of(MediaPath path, ArchiveRange range, string extension)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(range);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{path.CameraId}-{path.Stream}-{range.From.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{range.DurationSeconds}s.{extension}");
    }

    /// <summary>Sets <c>Content-Disposition: attachment; filename=...</c>.</summary>
    public static void SetAttachment(HttpResponse response, string fileName)
    {
        ArgumentNullException.ThrowIfNull(response);
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
    }
}
