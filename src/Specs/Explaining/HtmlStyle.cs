namespace GoSync.Specs.Explaining;

/// <summary>The page's inline style and legend: kept apart from the markup so each reads on its own.</summary>
internal static class HtmlStyle
{
    // Widths are in ch of a monospace font, the unit TimelineLayout counts in, so bars line up with the text timeline.
    public const string Css = """
        body { font-family: system-ui, sans-serif; margin: 1.5em; color: #222; }
        h1.verdict { padding: .3em .6em; border-radius: 4px; display: inline-block; }
        .ok { background: #d9f2dd; } .bad { background: #f8d7d7; } .unknown { background: #fdf0c8; }
        .summary, .note { color: #555; }
        .partition { margin: 1em 0; }
        .failing { border-left: 4px solid #c0392b; padding-left: .8em; }
        summary { cursor: pointer; font-weight: 600; }
        .scroll { max-width: 100%; overflow-x: auto; }
        .timeline { font: 12px/1.2 ui-monospace, monospace; position: relative; margin: .5em 0; overflow: visible; }
        .ruler { position: relative; height: 1.4em; margin-left: 6ch; color: #888; border-bottom: 1px solid #ddd; }
        .ruler span { position: absolute; }
        .lane { position: relative; height: 1.9em; display: flex; }
        .process { width: 6ch; flex: none; font-weight: 600; line-height: 1.9em; }
        .track { position: relative; flex: 1; border-bottom: 1px dotted #eee; }
        .op { position: absolute; top: .2em; height: 1.4em; line-height: 1.4em; box-sizing: border-box; padding: 0 .3ch;
              background: #e3e8ef; border: 1px solid #9aa7b8; border-radius: 3px; white-space: nowrap; overflow: hidden;
              text-overflow: ellipsis; }
        .op:hover { overflow: visible; z-index: 2; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
        .placed { background: #d9f2dd; border-color: #4c9a5b; }
        .unplaced { background: #f8d7d7; border-color: #c0392b; font-weight: 600; }
        .pending { border-right-style: dashed; border-right-width: 3px; opacity: .8; }
        pre.explanation { background: #f6f6f6; padding: .8em; overflow-x: auto; font-size: 12px; }
        .legend span.op { position: static; display: inline-block; margin-right: 1em; }

        """;

    public const string Legend = """
        <p class="legend"><span class="op placed">#n: n-th step of the longest linearizable prefix</span><span class="op unplaced">✗ could not be placed</span><span class="op pending">never returned</span><span class="op">other call</span> Hover over a bar for its interval and file line.</p>

        """;
}
