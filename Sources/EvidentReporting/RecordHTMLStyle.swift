extension RecordHTMLRenderer {
    /// The look of every HTML page Evident writes (report.html, and the HTML of `diff` and `pr`).
    ///
    /// - Timeline cells have a fixed size (`.calendar`, `.weeks`) or a minimum width
    ///   (`.periods`), so no number of periods makes them collapse.
    /// - Ids, codes and dates never wrap (`code.id`, `.nowrap`).
    /// - In print, the page fits A4 and Letter alike (the page's size is left to the printer,
    ///   with margins and widths that fit both), table rows and cards are never cut, a table's
    ///   header repeats on each page, folded findings print unfolded, and colours are kept.
    static let style = """
        body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;color:#1d2430;padding:0 1rem}
        h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #d5dae1}h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
        table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d5dae1;padding:.3rem .5rem;text-align:left;vertical-align:top}
        th{background:#f2f4f7}.note{background:#fff8e1;border:1px solid #f0d27a;padding:.6rem .8rem}
        .sev-high{color:#a40e26;font-weight:600}.sev-medium{color:#9a5b00;font-weight:600}.sev-low{color:#2d5d9f}.sev-info{color:#5b6572}
        code{font-size:.9em}code.id,.nowrap{white-space:nowrap}
        .on-time{background:#2e9d5b}.late{background:#e8a317}.missing{background:#d6334a}.pending{background:#c9ced6}.not-started{background:repeating-linear-gradient(45deg,#eef0f3,#eef0f3 3px,#d9dde3 3px,#d9dde3 6px)}
        .legend span{display:inline-block;width:.9rem;height:.9rem;border-radius:2px;margin:0 .25rem 0 .8rem;vertical-align:middle}
        .figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.8rem}
        .figure{border:1px solid #d5dae1;border-radius:6px;padding:.6rem .8rem}.figure h3{margin:0;font-size:.95rem;color:#5b6572}
        .figure-total{font-size:1.8rem;font-weight:600;margin:.1rem 0}.figure ul{list-style:none;margin:0;padding:0}
        .figure table{margin:.3rem 0 0}.figure th,.figure td{border:0;background:none;padding:.05rem .5rem .05rem 0}.facts th{width:1%;white-space:nowrap}
        .dot{display:inline-block;width:.7rem;height:.7rem;border-radius:50%;margin-right:.4rem;vertical-align:middle}
        .r-effective{background:#2e9d5b}.r-exceptions{background:#e8a317}.r-ineffective{background:#d6334a}.r-not-occurring{background:#8a94a3}.r-not-tested{background:#c9ced6}
        .card{border:1px solid #d5dae1;border-radius:6px;padding:.6rem .8rem;margin:.6rem 0}
        .card-head{display:flex;gap:.5rem;align-items:baseline}.card-head .result{margin-left:auto;white-space:nowrap;border-radius:3px;padding:0 .4rem}
        .result.r-effective,.result.r-ineffective{color:#fff}.meta,.counts{color:#5b6572;margin:.2rem 0}.rule{margin:.2rem 0}
        .calendar{display:grid;grid-template-rows:repeat(8,10px);grid-template-columns:1.9rem;grid-auto-flow:column;grid-auto-columns:10px;gap:2px;margin:.4rem 0}
        .calendar span,.weeks span{border-radius:2px}.calendar .weekday,.calendar .month,.weeks .row-label{font-size:9px;line-height:10px;color:#5b6572;white-space:nowrap}
        .weeks{display:grid;grid-template-columns:2rem repeat(13,14px);grid-auto-rows:14px;gap:2px;margin:.4rem 0}.weeks .row-label{line-height:14px}
        .periods{display:flex;flex-wrap:wrap;gap:2px;margin:.4rem 0}
        .periods span{flex:1 0 2.4rem;max-width:6rem;height:1.2rem;border-radius:2px;font-size:10px;line-height:1.2rem;text-align:center;color:#1d2430}
        .periods .on-time,.periods .missing{color:#fff}
        details.severity,details.follow-up{margin:.6rem 0}summary{cursor:pointer;font-weight:600;padding:.2rem 0}
        tr.group th{background:#e8ecf1}.status-overdue{color:#a40e26;font-weight:600}.status-remediated{color:#2e7d4f}
        .pass{color:#2e7d4f}.exception{color:#a40e26;font-weight:600}.untested{color:#5b6572;font-style:italic}
        tr.uncovered td{background:#fdecee}
        @page{margin:12mm}
        @media print{
        body{font-size:10.5px;max-width:none;margin:0;padding:0}
        *{print-color-adjust:exact;-webkit-print-color-adjust:exact}
        h2,h3,summary{break-after:avoid}tr,.card,.figure{break-inside:avoid}thead{display:table-header-group}
        details::details-content{content-visibility:visible;display:block}
        .figures{grid-template-columns:repeat(2,1fr)}
        }
        """
}
