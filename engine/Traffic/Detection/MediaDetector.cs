using Compliance.Engine.Traffic.Decoding;

namespace Compliance.Engine.Traffic.Detection;

/// <summary>
/// Photos and recordings uploaded in a request: image, video or audio bytes the decoder recognised by their
/// signature (raw, base64, in a data URI or a multipart part). A tiny image is a pixel or an icon, not a
/// photo, unless a field names it one.
/// </summary>
public sealed class MediaDetector : ValueDetector
{
    private const long MinPhotoBytes = 2048;
    private static readonly Lexicon s_photoFields = Words(
        "photo", "photos", "image", "images", "picture", "pictures", "avatar", "selfie", "camera", "gallery", "video", "videos",
        "recording", "recordings", "audio", "voice", "voicenote", "attachment", "attachments", "media", "upload", "file");

    public override DataItem? Inspect(PayloadValue value)
    {
        if (value.MediaType is null)
            return null;
        var named = TrailHasAny(value, s_photoFields);
        if (value.MediaLength < MinPhotoBytes && !named)
            return null;
        return Item("photos", value.Value, value, "media", named ? 0.85 : 0.75);
    }
}
