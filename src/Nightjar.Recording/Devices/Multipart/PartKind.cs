namespace Nightjar.Recording.Devices.Multipart;

/// <summary>How the parser treats a part, from its <c>Content-Type</c>.</summary>
internal enum PartKind
{
    /// <summary>XML, JSON, plain text or no content type at all: kept up to the text cap and delivered.</summary>
    Text = 0,

    /// <summary><c>image/*</c>: delivered up to the image cap when images are kept, otherwise skipped without buffering.</summary>
    Image = 1,

    /// <summary>Anything else (<c>application/octet-stream</c>, video...): skipped without buffering.</summary>
    Other = 2,
}
