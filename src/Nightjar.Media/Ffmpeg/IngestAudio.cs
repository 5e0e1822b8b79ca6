namespace Nightjar.Media.Ffmpeg;

/// <summary>What the ingest does with a source's audio (decided at onboarding from the SDP or ffprobe).</summary>
public enum IngestAudio
{
    /// <summary>No audio (<c>-an</c>): cheapest, and audio is rarely needed.</summary>
    Drop = 0,

    /// <summary>Copy AAC as it is.</summary>
    CopyAac = 1,

    /// <summary>Transcode to AAC: G.711 cannot be stream-copied into TS (media.md E8), costs ~0.24 % of a core.</summary>
    TranscodeToAac = 2,
}
