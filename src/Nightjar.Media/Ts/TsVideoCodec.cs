namespace Nightjar.Media.Ts;

/// <summary>Video codec of the indexed elementary stream, from the PMT stream type.</summary>
public enum TsVideoCodec
{
    /// <summary>No PMT seen yet, or the program has no video stream we index.</summary>
    Unknown = 0,

    /// <summary>H.264 / AVC, stream type 0x1B.</summary>
    H264 = 0x1B,

    /// <summary>H.265 / HEVC, stream type 0x24.</summary>
    H265 = 0x24,
}
