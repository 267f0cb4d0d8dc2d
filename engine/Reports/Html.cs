using System.Net;
using System.Text;

namespace Compliance.Engine.Reports;

/// <summary>Small helpers for writing encoded, self-contained HTML.</summary>
internal static class Html
{
    /// <summary>Encodes text for element content and attribute values; policy and capture text is never markup.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static StringBuilder Tag(this StringBuilder html, string tag, string? text, string? cls = null) =>
        html.Append('<').Append(tag).Append(cls is null ? "" : $" class=\"{E(cls)}\"").Append('>')
            .Append(E(text)).Append("</").Append(tag).Append('>');

    public const string Style = """
        :root{--high:#b3261e;--medium:#b26a00;--low:#5f6b7a;--info:#2e7d32;--ink:#1d2330;--line:#d8dde6}
        *{box-sizing:border-box}body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0 auto;max-width:74rem;padding:1.5rem}
        h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.2rem;margin:1.6rem 0 .6rem;border-bottom:1px solid var(--line)}
        table{border-collapse:collapse;width:100%;margin:.4rem 0}th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
        th{background:#f3f5f8}.muted{color:#5f6b7a}.count{font-size:1.6rem;font-weight:600}
        .cards{display:flex;gap:.8rem;flex-wrap:wrap}.card{border:1px solid var(--line);border-radius:.4rem;padding:.6rem .9rem;min-width:8rem}
        .finding{border:1px solid var(--line);border-left:.4rem solid var(--low);border-radius:.4rem;padding:.8rem 1rem;margin:1rem 0;break-inside:avoid}
        .finding.high{border-left-color:var(--high)}.finding.medium{border-left-color:var(--medium)}.finding.info{border-left-color:var(--info)}
        .badge{display:inline-block;border-radius:1rem;padding:0 .6rem;font-size:.8rem;font-weight:600;color:#fff;background:var(--low)}
        .badge.high{background:var(--high)}.badge.medium{background:var(--medium)}.badge.info{background:var(--info)}
        .sides{display:grid;grid-template-columns:1fr 1fr;gap:1rem}@media (max-width:50rem){.sides{grid-template-columns:1fr}}
        blockquote{margin:.4rem 0;padding:.4rem .7rem;background:#f7f8fa;border-left:3px solid var(--line)}
        mark{background:#ffe58a;padding:0 .1rem}code{font:13px/1.4 ui-monospace,Menlo,Consolas,monospace;word-break:break-all}
        .grid td{text-align:center;font-size:.8rem}.k-contradicted,.k-condition-violated,.k-identifiability-violated,.k-recipient-mismatch{background:#f4c7c3}
        .k-undisclosed{background:#fde2b8}.k-vague{background:#e3e7ee}.k-consistent{background:#cde8cf}.k-observed{background:#eef1f5}
        @media print{body{max-width:none;padding:0}.finding{page-break-inside:avoid}a{color:inherit}}
        """;
}
