using Compliance.Engine.Traffic.Decoding;

namespace Compliance.Engine.Traffic.Detection;

/// <summary>
/// The text of a message the user wrote (a chat message, a support ticket, a comment), sent in clear:
/// natural-language text under a text field inside something named for messages. Error and log messages,
/// notifications and UI labels are not the user's messages. Ciphertext is not text and is never found.
/// </summary>
public sealed class MessageDetector : ValueDetector
{
    private static readonly Lexicon s_textFields = Words(
        "message", "messages", "msg", "messagetext", "messagebody", "chatmessage", "body", "text", "comment", "content", "plaintext");
    private static readonly Lexicon s_messageContexts = Words(
        "message", "messages", "msg", "chat", "chats", "conversation", "conversations", "ticket", "tickets", "comment", "comments",
        "feedback", "reply", "replies", "sms", "dm", "dms", "thread", "threads", "support", "inbox", "mail", "post", "posts");
    private static readonly Lexicon s_notUserText = Words(
        "error", "errors", "exception", "crash", "log", "logs", "stack", "stacktrace", "warning", "alert", "toast", "notification",
        "notifications", "push", "debug", "trace", "status", "reason", "hint", "label", "button", "title", "placeholder", "tooltip");

    public override DataItem? Inspect(PayloadValue value)
    {
        if (value.IsNumber || value.IsBoolean || value.Origin is ValueOrigin.UrlPath or ValueOrigin.Header || !value.Name.HasAny(s_textFields))
            return null;
        var v = value.Value.Trim();
        if (v.Length is < 12 or > 20_000 || !LooksLikeProse(v))
            return null;
        var inMessage = false;
        foreach (var field in value.Trail)
        {
            if (field.HasAny(s_notUserText))
                return null;
            inMessage |= field.HasAny(s_messageContexts);
        }
        return inMessage ? Item("messages", v, value, "field-name", 0.65) : null;
    }

    /// <summary>Three or more words, mostly letters: sentences, not codes, IDs or URLs.</summary>
    private static bool LooksLikeProse(string v)
    {
        if (v.Contains("://", StringComparison.Ordinal))
            return false;
        var letters = 0;
        var spaces = 0;
        foreach (var c in v)
        {
            if (char.IsLetter(c))
                letters++;
            else if (c == ' ')
                spaces++;
        }
        return spaces >= 2 && letters * 2 >= v.Length;
    }
}
