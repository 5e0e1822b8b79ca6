namespace Nightjar.Server.Api.Cluster;

/// <summary>The answer to a drain request: the node and the cameras it held when the drain began.</summary>
internal sealed record DrainResponse(string Node, string Status, int Cameras);
