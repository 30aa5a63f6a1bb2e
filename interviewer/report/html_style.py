"""The HTML report's style sheet, inlined into every page (no network, prints to PDF)."""

CSS = """
:root{--ink:#1d2433;--muted:#5b6476;--line:#dfe3eb;--soft:#f5f7fb;--accent:#4348c8;
--good:#1f8a55;--fair:#b7791f;--weak:#c2413b;--mark:#fff1a8}
*{box-sizing:border-box}
html{background:#eef1f6}
body{margin:0;color:var(--ink);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,
"Helvetica Neue",Arial,"DejaVu Sans",sans-serif}
main{max-width:920px;margin:28px auto;background:#fff;border-radius:14px;padding:36px 44px;
box-shadow:0 1px 3px rgba(20,30,60,.08),0 8px 28px rgba(20,30,60,.06)}
h1{font-size:1.75rem;line-height:1.25;margin:.1em 0 .6em}
h2{font-size:1.3rem;margin:2.2em 0 .8em;padding-bottom:.35em;border-bottom:2px solid var(--line)}
h3{font-size:1.05rem;margin:1.4em 0 .4em}
.eyebrow{margin:0;color:var(--accent);font-weight:700;letter-spacing:.08em;text-transform:uppercase;
font-size:.78rem}
.overall{display:flex;align-items:baseline;gap:.6em;flex-wrap:wrap}
.overall .num{font-size:3rem;font-weight:800;line-height:1}
.overall .of{font-weight:700;font-size:1.1rem}
.overall .verdict{color:var(--muted)}
.overall.good .num{color:var(--good)}.overall.fair .num{color:var(--fair)}
.overall.weak .num{color:var(--weak)}
.meta{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:10px 18px;
margin:22px 0 0;padding:14px 18px;background:var(--soft);border-radius:10px}
.meta div{min-width:0}.meta dt{font-size:.75rem;color:var(--muted);text-transform:uppercase;
letter-spacing:.05em}.meta dd{margin:0;font-weight:600;overflow-wrap:anywhere}
.summary{display:grid;grid-template-columns:minmax(0,1.45fr) minmax(0,1fr);gap:24px;
align-items:center}
.chart{margin:0;text-align:center}.chart svg{max-width:100%;height:auto}
figcaption{font-size:.8rem;color:var(--muted)}
.radar .ring{fill:none;stroke:var(--line);stroke-width:1}
.radar .ring.bar{stroke:var(--accent);stroke-dasharray:5 4;stroke-opacity:.7}
.radar .spoke{stroke:var(--line)}
.radar .shape{fill:rgba(67,72,200,.16);stroke:var(--accent);stroke-width:2.2;
stroke-linejoin:round}
.radar .dot{stroke:#fff;stroke-width:1.5}
.radar .dot.good{fill:var(--good)}.radar .dot.fair{fill:var(--fair)}
.radar .dot.weak{fill:var(--weak)}
.radar .label{font-size:15px;fill:var(--ink);font-weight:600}
.radar .val{font-weight:800}.radar .val.good{fill:var(--good)}.radar .val.fair{fill:var(--fair)}
.radar .val.weak{fill:var(--weak)}
.radar .tick{font-size:12px;fill:var(--muted)}
table{border-collapse:collapse;width:100%}
.scores{table-layout:fixed}
.scores th,.scores td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left}
.scores thead th{font-size:.75rem;color:var(--muted);text-transform:uppercase;letter-spacing:.05em}
.scores td.num{font-weight:800;font-variant-numeric:tabular-nums}
.scores .c-num{width:3.4em}.scores col:last-child{width:34%}
.scores th[scope=row]{white-space:nowrap}
td.good,.pill.good{color:var(--good)}td.fair,.pill.fair{color:var(--fair)}
td.weak,.pill.weak{color:var(--weak)}
.bar{position:relative;display:block;height:10px;background:#e9ecf3;
border-radius:5px;overflow:hidden}
.bar .fill{position:absolute;left:0;top:0;bottom:0;border-radius:5px}
.fill.good{background:var(--good)}.fill.fair{background:var(--fair)}.fill.weak{background:var(--weak)}
.bar .hire{position:absolute;left:60%;top:0;bottom:0;border-left:2px solid rgba(255,255,255,.9)}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.dim{border:1px solid var(--line);border-radius:10px;padding:4px 18px 12px;margin:14px 0;
break-inside:avoid}
.dim h3{display:flex;justify-content:space-between;gap:12px;align-items:baseline}
.pill{font-size:.85rem;font-weight:700;white-space:nowrap}
.level{color:var(--muted);margin:.2em 0 .5em;font-size:.95rem}
.evidence{margin:.3em 0;padding-left:1.2em}.evidence li{margin:.2em 0}
q{font-style:italic}q::before{content:"\\201C"}q::after{content:"\\201D"}
.advice{margin:.5em 0 0;padding:8px 12px;background:#fff8e6;border-left:3px solid var(--fair);
border-radius:4px}
.none{color:var(--muted);font-style:italic}
.lists{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:0 28px}
.lists ul,.by-question ol{padding-left:1.2em;margin:.3em 0}.lists li,.by-question li{margin:.3em 0}
.gaps h3{color:var(--weak)}.strengths h3{color:var(--good)}
.note{color:var(--muted);font-size:.9rem}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px;
margin:12px 0 16px}
.tile{border:1px solid var(--line);border-radius:10px;padding:10px 14px;display:flex;
flex-direction:column;border-top:4px solid var(--fair)}
.tile.ok{border-top-color:var(--good)}
.tile .k{font-size:.75rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
.tile .v{font-size:1.5rem;font-weight:800}.tile .v small{font-size:.8rem;font-weight:600;
color:var(--muted)}
.tile .t{font-size:.8rem;color:var(--muted)}
.delivery th,.delivery td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:right;
font-variant-numeric:tabular-nums}
.delivery th:first-child{text-align:left}
.delivery thead th{font-size:.75rem;color:var(--muted)}
.delivery td.ok{color:var(--good);font-weight:700}
.delivery td.off{color:var(--fair);font-weight:700}
.question{margin:18px 0 26px;break-inside:auto}
.question h3{display:flex;gap:10px;align-items:baseline}
.qn{color:var(--accent)}
.tag{font-size:.78rem;font-weight:600;color:var(--muted);background:var(--soft);
padding:1px 8px;border-radius:99px}
.prompt{font-weight:600;font-size:1.05rem;margin:.2em 0 .8em}
.turn{margin:8px 0;padding:8px 14px;border-radius:8px;break-inside:avoid}
.turn.answer{background:var(--soft);border-left:3px solid var(--accent);margin-left:14px}
.turn.follow-up{border-left:3px solid #8a63d2;background:#f6f1fd}
.who{margin:0 0 .2em;font-size:.78rem;font-weight:700;color:var(--muted);text-transform:uppercase;
letter-spacing:.04em}
.ask{margin:0;font-weight:600}
.said{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
.said.skipped{color:var(--muted);font-style:italic}
.figs{margin:.4em 0 0;font-size:.8rem;color:var(--muted)}
mark{background:var(--mark);color:inherit;padding:0 2px;border-radius:3px;
box-shadow:inset 0 -2px 0 #f2c94c}
code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.9em;background:var(--soft);
padding:1px 5px;border-radius:4px}
footer{margin-top:36px;padding-top:14px;border-top:1px solid var(--line);color:var(--muted);
font-size:.8rem}
@media (max-width:860px){.summary{grid-template-columns:1fr}.chart svg{max-width:480px}}
@media (max-width:720px){main{padding:22px 18px;margin:0;border-radius:0}}
@media print{
@page{margin:16mm 14mm}
html,body{background:#fff}
body{font-size:10.5pt;line-height:1.45}
main{max-width:none;margin:0;padding:0;box-shadow:none;border-radius:0}
h2{break-after:avoid;margin-top:1.4em}h3{break-after:avoid}
.dim,.turn,.tile,.chart,tr{break-inside:avoid}
#transcript{break-before:page}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
footer{position:static}
}
"""
