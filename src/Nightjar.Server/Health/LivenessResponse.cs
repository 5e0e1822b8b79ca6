namespace Nightjar.Server.Health;

internal sealed record LivenessResponse(string Status);
