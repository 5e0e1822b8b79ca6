namespace Nightjar.Server.Tests.Cluster;

/// <summary>One request an owner received from another node.</summary>
internal sealed record ForwardedRequest(string Method, string Path, string ForwardedBy, string Role, string Authorization, string Range);
