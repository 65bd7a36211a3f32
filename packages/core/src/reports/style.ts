/** The assembly report's stylesheet, inline in its page (a policy forbids fetching one); print CSS for PDF. */
export const STYLE = `
:root{color:#111;background:#fff;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
body{margin:0 auto;max-width:60rem;padding:1rem}
h1{font-size:1.7rem;margin:.2rem 0}h2{font-size:1.35rem;border-bottom:2px solid #111;margin-top:2.2rem}h3{font-size:1.1rem;margin:1.4rem 0 .4rem}
table{border-collapse:collapse;margin:.4rem 0 1rem;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:.2rem 0}
th,td{border:1px solid #777;padding:.3rem .5rem;text-align:right;vertical-align:top}
th[scope=row],thead td{text-align:left;font-weight:normal}thead th{background:#eee}
tr.total th,tr.total td{font-weight:700}
.scroll{overflow-x:auto;max-width:100%}.scroll:focus{outline:2px solid #1b4965}
.chart{display:block;width:100%;max-width:40rem;height:auto;font-size:13px;margin:.5rem 0}
.chart .axis{font-size:12px}.chart .group{font-weight:600}.chart .seg{fill:#fff;paint-order:stroke;stroke:#000;stroke-width:3px;font-weight:700}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1rem;margin:.2rem 0 .6rem}
.legend li{display:flex;align-items:center;gap:.35rem}.swatch{flex:none}
small{font-size:.85em}.none{color:#555}.note{font-size:.9em;margin:.2rem 0 .6rem}
@media (max-width:40rem){.chart{font-size:22px}.chart .axis{font-size:20px}.chart .minor{display:none}}
@media print{@page{size:A4;margin:14mm}body{max-width:none;padding:0;font-size:11pt}
section.fund+section.fund{break-before:page}table,.chart,h3{break-inside:avoid}h3{break-after:avoid}
.scroll{overflow:visible}thead th{background:#eee;-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;
