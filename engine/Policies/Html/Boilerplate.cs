using AngleSharp.Dom;

namespace Compliance.Engine.Policies.Html;

/// <summary>
/// Decides which parts of a saved web page are site furniture rather than policy: scripts and widgets, site
/// navigation, headers and footers, cookie and consent banners, breadcrumbs, newsletter boxes, hidden text.
/// Names in id, class and aria-label are matched as whole words, and content-looking parts (with headings)
/// are kept, so a policy section about cookies survives while the cookie banner goes.
/// </summary>
internal static class Boilerplate
{
    private static readonly HashSet<string> s_droppedTags = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object", "embed", "video",
        "audio", "img", "picture", "button", "input", "select", "option", "textarea", "form", "nav", "dialog",
        "menu", "link", "meta", "head", "title",
    };

    private static readonly HashSet<string> s_droppedRoles = new(StringComparer.Ordinal)
    {
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar",
        "toolbar", "tablist", "button",
    };

    // Consent furniture, matched inside words too ("cookiebar", "cc-consent"): dropped when it looks like a widget
    // (buttons, a dialog) or sits outside the content.
    private static readonly string[] s_consentStems = ["cookie", "consent", "gdpr", "banner", "onetrust", "ccpa"];

    private static readonly string[] s_shareStems = ["share", "sharing", "social", "follow"];

    // Site furniture: dropped unless it carries headings of its own.
    private static readonly HashSet<string> s_furnitureWords = new(StringComparer.Ordinal)
    {
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "crumbs", "skip", "skiplink", "sidebar",
        "newsletter", "subscribe", "subscription", "social", "sharebar", "promo", "advertisement",
        "popup", "modal", "overlay", "toast", "masthead", "topbar", "toolbar", "pagination", "pager",
        "sronly", "sr", "visually", "offscreen", "print", "feedback", "rating", "related", "widget", "chat",
    };

    // Only containers are judged by their names: a heading or paragraph named "cookies" is policy text.
    private static readonly HashSet<string> s_namedContainers = new(StringComparer.Ordinal)
    {
        "div", "section", "aside", "ul", "ol", "dl", "span", "a", "header", "footer", "details", "center",
    };


    public static bool IsDropped(IElement element)
    {
        var tag = element.LocalName;
        if (s_droppedTags.Contains(tag) || IsHidden(element))
            return true;
        var role = element.GetAttribute("role");
        if (role is not null && s_droppedRoles.Contains(role.Trim().ToLowerInvariant()))
            return true;
        switch (tag)
        {
            case "header" or "footer":
                return IsInsideContent(element) ? LinkDensity(element) > 0.5 : !HasHeading(element, 1);
            case "aside":
                return !IsInsideContent(element) || LinkDensity(element) > 0.5;
            case "ul" or "ol":
                if (IsInPageLinkList(element))
                    return true;
                break;
        }
        return s_namedContainers.Contains(tag) && HasFurnitureName(element);
    }

    private static bool HasFurnitureName(IElement element)
    {
        var words = NameWords(element);
        if (words.Count == 0)
            return false;
        if (words.Any(w => s_consentStems.Any(stem => w.Contains(stem, StringComparison.Ordinal))) && !HasHeading(element, 4)
            && (element.GetAttribute("aria-modal") == "true" || HasWidgetControl(element)))
        {
            return true;
        }
        if (words.Contains("header") || words.Contains("footer"))
            return IsInsideContent(element) ? LinkDensity(element) > 0.5 : !HasHeading(element, 1);
        // Share and follow boxes are lists of links whatever their heading; a policy section on sharing is prose.
        if (words.Any(w => s_shareStems.Any(stem => w.Contains(stem, StringComparison.Ordinal))) && LinkDensity(element) > 0.5)
            return true;
        return words.Overlaps(s_furnitureWords) && !HasHeading(element, 3);
    }

    private static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true")
            return true;
        var style = element.GetAttribute("style");
        if (style is null)
            return false;
        var compact = style.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return compact.Contains("display:none", StringComparison.Ordinal) || compact.Contains("visibility:hidden", StringComparison.Ordinal);
    }

    // Splits id, class and aria-label into lower-case words: "cookieBanner js-consent" -> cookie, banner, js, consent.
    private static HashSet<string> NameWords(IElement element)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        AddWords(element.Id, words);
        AddWords(element.GetAttribute("class"), words);
        AddWords(element.GetAttribute("aria-label"), words);
        return words;
    }

    private static void AddWords(string? value, HashSet<string> words)
    {
        if (string.IsNullOrEmpty(value))
            return;
        var start = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            var boundary = i == value.Length || !char.IsLetterOrDigit(value[i])
                || (i > start && char.IsUpper(value[i]) && char.IsLower(value[i - 1]));
            if (!boundary)
                continue;
            if (i > start)
                words.Add(value[start..i].ToLowerInvariant());
            start = i < value.Length && char.IsLetterOrDigit(value[i]) ? i : i + 1;
        }
    }

    private static bool IsInsideContent(IElement element)
    {
        for (var parent = element.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            if (parent.LocalName is "main" or "article" || parent.GetAttribute("role") == "main")
                return true;
        }
        return false;
    }

    // Descendant scans rather than CSS selectors: parsing a selector string on every element costs more than the walk.
    private static bool HasHeading(IElement element, int deepestLevel) =>
        element.Descendants<IElement>().Any(e => e.LocalName.Length == 2 && e.LocalName[0] == 'h' && e.LocalName[1] >= '1' && e.LocalName[1] <= '0' + deepestLevel);

    // Buttons and button-like links: what a consent banner is made of.
    private static bool HasWidgetControl(IElement element) =>
        element.Descendants<IElement>().Any(e => e.LocalName is "button" or "input" or "select" || e.GetAttribute("role") == "button"
            || (e.LocalName == "a" && e.GetAttribute("class") is { } c
                && (c.Contains("btn", StringComparison.OrdinalIgnoreCase) || c.Contains("button", StringComparison.OrdinalIgnoreCase)
                    || c.Contains("dismiss", StringComparison.OrdinalIgnoreCase) || c.Contains("accept", StringComparison.OrdinalIgnoreCase))));

    private static double LinkDensity(IElement element)
    {
        var total = element.TextContent.Length;
        if (total == 0)
            return 1;
        var linked = element.Descendants<IElement>().Where(e => e.LocalName == "a").Sum(a => a.TextContent.Length);
        return (double)linked / total;
    }

    // A table of contents: every item is nothing but a link to an anchor on the same page.
    private static bool IsInPageLinkList(IElement list)
    {
        var items = list.Children.Where(c => c.LocalName == "li").ToList();
        if (items.Count < 2)
            return false;
        foreach (var item in items)
        {
            var link = item.Descendants<IElement>().FirstOrDefault(e => e.LocalName == "a" && e.GetAttribute("href")?.StartsWith('#') == true);
            if (link is null || link.TextContent.Trim().Length < item.TextContent.Trim().Length)
                return false;
        }
        return true;
    }
}
