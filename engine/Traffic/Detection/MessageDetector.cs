using Compliance.Engine.Traffic.Decoding;

namespace Compliance.Engine.Traffic.Detection;

/// <summary>
/// The text of a message the user wrote (a chat message, a support ticket, a comment), sent in clear:
/// natural-language text under a text field inside something named for messages, or sent to an endpoint
/// whose path names them ("/v1/messages", "/api/tickets"). Error and log messages, notifications and UI
/// labels are not the user's messages. Ciphertext is not text and is never found.
/// </summary>
public sealed class MessageDetector : IDataDetector
{
    private static readonly Lexicon s_textFields = new(
        "message", "messages", "msg", "messagetext", "messagebody", "chatmessage", "body", "text", "comment", "content", "plaintext");
    private static readonly Lexicon s_messageContexts = new(
        "message", "messages", "msg", "chat", "chats", "conversation", "conversations", "ticket", "tickets", "comment", "comments",
        "feedback", "reply", "replies", "sms", "dm", "dms", "thread", "threads", "support", "inbox", "mail", "post", "posts");
    private static readonly Lexicon s_notUserText = new(
        "error", "errors", "exception", "crash", "log", "logs", "stack", "stacktrace", "warning", "alert", "toast", "notification",
        "notifications", "push", "debug", "trace", "status", "reason", "hint", "label", "button", "title", "placeholder", "tooltip");

    public void Detect(EntryScan scan, ICollection<DataItem> found)
    {
        bool? endpoint = null;
        foreach (var value in scan.DistinctValues)
        {
            if (value.IsNumber || value.IsBoolean || value.Origin is ValueOrigin.UrlPath or ValueOrigin.Header || !value.Name.HasAny(s_textFields))
                continue;
            var v = value.Value.Trim();
            if (v.Length is < 12 or > 20_000 || !LooksLikeProse(v))
                continue;
            var inMessage = false;
            var userText = true;
            foreach (var field in value.Trail)
            {
                userText &= !field.HasAny(s_notUserText);
                inMessage |= field.HasAny(s_messageContexts);
            }
            if (userText && (inMessage || (endpoint ??= MessageEndpoint(scan.Entry?.Url))))
                found.Add(Detected.Item("messages", v, value, "field-name", 0.65));
        }
    }

    /// <summary>A URL whose path names messages, chats, tickets or comments.</summary>
    private static bool MessageEndpoint(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return false;
        foreach (var segment in uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries))
            foreach (var word in FieldWords.Split(segment))
                if (s_messageContexts.Contains(word))
                    return true;
        return false;
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
