namespace Nightjar.Server.Security;

/// <summary>A request body read by <see cref="JsonRequestBody"/>: the bytes, or the problem to answer with.</summary>
/// <param name="Bytes">The raw body (empty for an absent optional body); null when <paramref name="Problem"/> is set.</param>
/// <param name="Problem">A 400, 413 or 415 problem-details result; null when the body was read.</param>
internal sealed record JsonBody(byte[]? Bytes, IResult? Problem);
