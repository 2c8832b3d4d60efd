/**
 * Fonts that carry the Kazakh Cyrillic letters (ә ғ қ ң ө ұ ү һ і): the system
 * UI fonts of Windows, macOS, Android and the Noto, Liberation and DejaVu
 * families common on Linux. Helvetica and older Mac fonts lack some of them.
 */
export const SANS_STACK = `system-ui, -apple-system, "Segoe UI", "Noto Sans", Roboto, Arial, "Liberation Sans", "DejaVu Sans", sans-serif`
export const SERIF_STACK = `"Times New Roman", "Noto Serif", "PT Serif", "Liberation Serif", "DejaVu Serif", serif`

const COMMON = `
*,*::before,*::after{box-sizing:border-box}
html{color:#1b1b1b;background:#fff;line-height:1.55;-webkit-text-size-adjust:100%}
.skip-link{position:absolute;left:-9999px;top:0}
.skip-link:focus{left:1rem;top:1rem;background:#fff;color:#0b4f8a;padding:.5rem 1rem;border:2px solid #0b4f8a;z-index:1}
a{color:#0b4f8a}
a:focus-visible{outline:3px solid #e07b00;outline-offset:2px}
h1,h2,h3,h4{line-height:1.25}
table{border-collapse:collapse;width:100%;margin:.75rem 0}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #b9b9b9;padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:#e9eef4}
tbody th{font-weight:600}
td ul,th ul,dd ul{margin:0;padding-left:1.1rem}
tr.warning,strong.warning{background:#fff1dc}
strong.warning{padding:0 .2rem}
.note{border-left:4px solid #b36200;background:#fff7ea;padding:.5rem 1rem}
dl>div{display:grid;grid-template-columns:minmax(9rem,15rem) 1fr;gap:1rem;padding:.25rem 0;border-bottom:1px solid #e4e4e4}
dt{font-weight:600}
dd{margin:0}
footer{margin-top:2.5rem;border-top:1px solid #b9b9b9;color:#4a4a4a;font-size:.9rem}
@media (max-width:40rem){dl>div{grid-template-columns:1fr;gap:0}.table-wrap{overflow-x:auto}}
`

const PRINT_COMMON = `
@media print{
  html{font-size:10.5pt}
  body{max-width:none;margin:0;padding:0}
  .skip-link,nav.toc{display:none}
  a{color:inherit;text-decoration:none}
  a[href^="http"]::after{content:" (" attr(href) ")";font-size:.9em}
  h1,h2,h3,h4{break-after:avoid}
  table{break-inside:auto}
  tr,dl>div,.field{break-inside:avoid}
  thead{display:table-header-group}
  tr.warning,strong.warning,.note{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`

/** The privacy notice: readable on a screen, printable on A4. */
export const NOTICE_CSS = `@page{size:A4;margin:18mm 16mm}
html{font-family:${SANS_STACK};font-size:100%}
body{max-width:62rem;margin:0 auto;padding:1.5rem}
h2{margin-top:2.25rem;border-bottom:2px solid #c9d3de;padding-bottom:.2rem}
nav.toc ol{columns:2;column-gap:2rem}
${COMMON}${PRINT_COMMON}`

/** The paper consent form: A4, serif, lines to fill in by hand. */
export const FORM_CSS = `@page{size:A4;margin:20mm 18mm 20mm 25mm}
html{font-family:${SERIF_STACK};font-size:12pt}
body{max-width:50rem;margin:0 auto;padding:1.5rem}
header{text-align:center}
header .lead{margin:.15rem 0}
h1{font-size:1.3rem;text-transform:uppercase;margin:1rem 0 .5rem}
h2{font-size:1.05rem;margin:1.1rem 0 .35rem}
.fields{margin:.5rem 0}
.field{display:flex;flex-direction:column;margin:.9rem 0 .2rem}
.field .blank{display:block;border-bottom:1px solid #000;height:1.6rem}
.field .label{font-size:.8rem;color:#333}
.fields.inline{display:grid;grid-template-columns:2fr 1fr;gap:2rem}
${COMMON}${PRINT_COMMON}`
