namespace Nightjar.Media.Simulation;

/// <summary>Audio a simulated camera publishes besides its H.264 video.</summary>
public enum SimulatedAudio
{
    None,

    /// <summary>AAC-LC mono 16 kHz, copied from the clip (no transcoding).</summary>
    Aac,

    /// <summary>G.711 µ-law 8 kHz (pcm_mulaw) like most IP cameras; transcoded on the fly (cheap at 8 kHz).</summary>
    G711,
}
