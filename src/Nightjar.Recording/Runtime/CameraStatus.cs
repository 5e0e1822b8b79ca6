using Nightjar.Recording.Cameras;

namespace Nightjar.Recording.Runtime;

/// <summary>The live state of one camera's streams.</summary>
public sealed record CameraStatus(CameraId Camera, bool Enabled, IReadOnlyList<StreamStatus> Streams);
