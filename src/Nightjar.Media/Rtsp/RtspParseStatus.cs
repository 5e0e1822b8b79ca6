namespace Nightjar.Media.Rtsp;

internal enum RtspParseStatus
{
    /// <summary>More bytes are needed; nothing was consumed.</summary>
    Incomplete,

    /// <summary>A request was parsed and <see cref="RtspParseResult.Consumed"/> bytes belong to it.</summary>
    Request,

    /// <summary>A response from the peer (e.g. to a server keepalive); consumed and ignored.</summary>
    Response,

    /// <summary>The message is framed (its length is known) but invalid: answer the error and continue.</summary>
    Invalid,

    /// <summary>The message cannot be framed or is too large: answer the error and close the connection.</summary>
    Fatal,
}
